import type { EntraConfig } from '../config';
import type { TokenValidatorOptions } from './token-validator';

/** Entra's signing keys, shared by every tenant (v1 and v2 tokens alike). */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Microsoft 365 mode: Entra's keys and issuers, this app's audiences, the configured tenants. */
export function entraTokenValidatorOptions(entra: Omit<EntraConfig, 'tenantId'>): TokenValidatorOptions {
  return {
    jwks: ENTRA_JWKS_URL,
    audiences: [`api://${entra.tabDomain}/${entra.clientId}`, entra.clientId],
    issuersFor: (tid) => [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`],
    tenantAllowList: entra.tenantAllowList,
  };
}

export interface DemoIdentitySettings {
  /** This server's loopback base URL, known once it listens (see `selfBaseUrl`). */
  baseUrl: () => string;
  /** The demo identity's logical https authority, e.g. `https://identity.unplug.invalid`. */
  authority: string;
  tenantId: string;
  clientId: string;
  /** `api://localhost/<clientId>`. */
  appIdUri: string;
}

/**
 * Demo mode: the same checks against the demo identity. Its keys are served by this server; its
 * issuers have Entra's two shapes on the demo authority's host.
 */
export function demoTokenValidatorOptions(demo: DemoIdentitySettings): TokenValidatorOptions {
  return {
    jwks: () => `${demo.baseUrl()}/demo/identity/keys`,
    audiences: [demo.appIdUri, demo.clientId],
    issuersFor: (tid) => [`${demo.authority}/${tid}/`, `${demo.authority}/${tid}/v2.0`],
    tenantAllowList: [demo.tenantId],
  };
}
