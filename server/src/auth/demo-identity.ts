import http from 'node:http';
import https from 'node:https';
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
    const response = await httpRequest(method, map(url), options?.headers ?? {}, method === 'POST' ? options?.body : undefined, timeoutMs);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      if (response.status >= 200 && response.status < 300) throw new Error(`The demo identity answered ${response.status} without JSON`);
      body = { error: `http_${response.status}`, error_description: `The demo identity answered ${response.status}.` };
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/**
 * Kept-alive connections to the demo identity, over `node:http` as MSAL's own network client uses
 * it against Entra (not `fetch`: its stream machinery cost a tab open about as much CPU as the
 * token exchange itself — measured with `npm run bench -- cold`).
 */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function httpRequest(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method, headers, agent: target.protocol === 'https:' ? agents['https:'] : agents['http:'], timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const answerHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers: answerHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`The demo identity did not answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
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
