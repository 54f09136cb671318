import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { DEMO_APP_ID_URI, DEMO_AUTHORITY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_IDENTITY_PATH, DEMO_TENANT_ID, demoAuthorityUrl, demoOpenIdConfiguration } from '../demo/constants';
import type { GraphTokensOptions, TenantAuthority } from './graph-tokens';
import type { DemoIdentitySettings } from './validator-presets';

/**
 * Demo mode wiring. The demo identity has a logical https authority that never resolves
 * (`https://identity.unplug.invalid`), because MSAL insists on https; this server serves it under
 * `<base>/demo/identity` over plain loopback http. MSAL is given the authority's metadata (so it
 * discovers nothing) and a network client that maps the logical host onto the real one.
 */
export function demoNetworkClient(baseUrl: () => string): INetworkModule {
  const map = (url: string): string => {
    if (!url.startsWith(`${DEMO_AUTHORITY}/`)) {
      throw new Error(`The demo network client only reaches ${DEMO_AUTHORITY}, not ${new URL(url).origin}`);
    }
    return `${baseUrl()}${DEMO_IDENTITY_PATH}/${url.slice(DEMO_AUTHORITY.length + 1)}`;
  };
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeoutMs = 10_000): Promise<NetworkResponse<T>> => {
    const response = await fetch(map(url), {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(method === 'POST' && options?.body !== undefined ? { body: options.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok) throw new Error(`The demo identity answered ${response.status} without JSON`);
      body = { error: `http_${response.status}`, error_description: `The demo identity answered ${response.status}.` };
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/** How MSAL reaches a demo tenant's authority: metadata given, logical host mapped to this server. */
export function demoTenantAuthority(baseUrl: () => string): (tenantId: string) => TenantAuthority {
  const networkClient = demoNetworkClient(baseUrl);
  return (tenantId) => ({
    authority: demoAuthorityUrl(tenantId),
    authorityMetadata: JSON.stringify(demoOpenIdConfiguration(tenantId)),
    knownAuthorities: [new URL(DEMO_AUTHORITY).host],
    networkClient,
  });
}

/** Everything `createGraphTokens` needs in demo mode (the demo app registration's public values). */
export function demoGraphTokensOptions(baseUrl: () => string): GraphTokensOptions {
  return { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, authorityFor: demoTenantAuthority(baseUrl) };
}

/** Everything `demoTokenValidatorOptions` needs: the demo identity's authority, tenant and app. */
export function demoIdentitySettings(baseUrl: () => string): DemoIdentitySettings {
  return { baseUrl, authority: DEMO_AUTHORITY, tenantId: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID, appIdUri: DEMO_APP_ID_URI };
}
