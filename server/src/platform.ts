import type { FastifyInstance } from 'fastify';
import { demoGraphTokensOptions, demoIdentitySettings } from './auth/demo-identity';
import { createGraphTokens, entraAuthority, type GraphTokens } from './auth/graph-tokens';
import { createTokenValidator, type TokenValidator } from './auth/token-validator';
import { demoTokenValidatorOptions, entraTokenValidatorOptions } from './auth/validator-presets';
import type { Config } from './config';
import { DEMO_CLIENT_ID } from './demo/constants';
import { createBackgroundGraph, type BackgroundGraph } from './graph/background-gateway';
import { createGraphGateway, demoGraphRoot, GRAPH_ROOT, type GraphGateway } from './graph/gateway';
import { selfBaseUrl } from './plugins/self-url';

/** The outside world the server talks to: Microsoft 365, or the demo tenant on this server. */
export interface Platform {
  validator: TokenValidator;
  tokens: GraphTokens;
  graph: GraphGateway;
  /** Graph as the app itself, for background jobs. */
  background: BackgroundGraph;
}

/**
 * Microsoft 365 (Entra + Graph) when configured, otherwise the demo tenant — reached over real
 * HTTP through the same validator, MSAL and gateway; only the URLs and issuers differ. The demo
 * tenant is this server's own `/demo`, or another process's (`DEMO_TENANT_URL`) when several
 * servers must share one organisation. `now` (tests) is the clock demo tokens are checked against.
 */
export function createPlatform(app: FastifyInstance, config: Config, now?: () => Date): Platform {
  if (config.entra) {
    const entra = config.entra;
    return {
      validator: createTokenValidator(entraTokenValidatorOptions(entra)),
      tokens: createGraphTokens({ clientId: entra.clientId, clientSecret: entra.clientSecret, authorityFor: entraAuthority }),
      graph: createGraphGateway({ root: GRAPH_ROOT }),
      background: createBackgroundGraph({ root: GRAPH_ROOT, appId: entra.clientId }),
    };
  }
  const base = config.demoTenantUrl ? ((url: string) => () => url)(config.demoTenantUrl) : () => selfBaseUrl(app);
  return {
    validator: createTokenValidator({ ...demoTokenValidatorOptions(demoIdentitySettings(base)), ...(now ? { now } : {}) }),
    tokens: createGraphTokens(demoGraphTokensOptions(base)),
    graph: createGraphGateway({ root: demoGraphRoot(base) }),
    background: createBackgroundGraph({ root: demoGraphRoot(base), appId: DEMO_CLIENT_ID }),
  };
}
