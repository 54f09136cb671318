import { AuthError as MsalAuthError, ConfidentialClientApplication, InteractionRequiredAuthError, type Configuration, type INetworkModule } from '@azure/msal-node';
import { ConsentRequiredError } from '../graph/errors';
import { AppError } from '../plugins/errors';

/**
 * Delegated Graph permissions a person's tab needs (read calendar and settings, book blocks, read
 * presence, and User.Read for `checkMemberGroups`: is the person a member of the channel tab's team).
 */
export const DELEGATED_GRAPH_SCOPES: readonly string[] = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/Calendars.ReadWrite',
  'https://graph.microsoft.com/MailboxSettings.Read',
  'https://graph.microsoft.com/Presence.Read',
];

/** App-only: whatever the admin consented to (presence sampling, status messages). */
export const APP_GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

/** How MSAL reaches one tenant's authority. */
export interface TenantAuthority {
  /** `https://login.microsoftonline.com/<tid>`, or the demo identity's. Must be https. */
  authority: string;
  /** OpenID metadata (JSON string), so MSAL does not need to discover it over the network. */
  authorityMetadata?: string;
  knownAuthorities?: string[];
  /** A custom HTTP client (the demo maps its logical https host to this server over http). */
  networkClient?: INetworkModule;
}

export interface GraphTokensOptions {
  clientId: string;
  clientSecret: string;
  authorityFor: (tenantId: string) => TenantAuthority;
  delegatedScopes?: readonly string[];
  /**
   * Right after an admin consents, on-behalf-of can still fail for a few seconds. Consent
   * failures are retried this many times, the delay doubling from `firstDelayMs`.
   */
  consentRetries?: number;
  consentFirstDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Graph access tokens for a person (on-behalf-of their SSO token) or for the app (jobs). */
export interface GraphTokens {
  /** Rejects with {@link ConsentRequiredError} when the person (or admin) has not consented. */
  onBehalfOf(tenantId: string, ssoToken: string): Promise<string>;
  appOnly(tenantId: string): Promise<string>;
}

/** A token could not be obtained for a reason other than consent (network, bad client secret...). */
export class TokenAcquisitionError extends AppError {
  constructor(message: string, readonly msalErrorCode: string | undefined) {
    super(502, 'token_acquisition_failed', message);
    this.name = 'TokenAcquisitionError';
  }
}

/** Microsoft 365 mode: Entra's public authority; MSAL discovers the metadata itself. */
export function entraAuthority(tenantId: string): TenantAuthority {
  return { authority: `https://login.microsoftonline.com/${tenantId}` };
}

/**
 * Token acquisition with `@azure/msal-node`: one `ConfidentialClientApplication` per tenant,
 * cached, each with MSAL's in-memory token cache (a repeated on-behalf-of with the same SSO
 * token is answered from it). Graph tokens stay on the server: never hand one to the client.
 *
 * @example
 * const tokens = createGraphTokens({ clientId, clientSecret, authorityFor: entraAuthority });
 * const graphToken = await tokens.onBehalfOf(caller.tenantId, ssoToken);
 */
export function createGraphTokens(options: GraphTokensOptions): GraphTokens {
  const apps = new Map<string, ConfidentialClientApplication>();
  const scopes = [...(options.delegatedScopes ?? DELEGATED_GRAPH_SCOPES)];
  const retries = options.consentRetries ?? 3;
  const firstDelayMs = options.consentFirstDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const appFor = (tenantId: string): ConfidentialClientApplication => {
    let app = apps.get(tenantId);
    if (!app) {
      app = new ConfidentialClientApplication(msalConfiguration(options, options.authorityFor(tenantId)));
      apps.set(tenantId, app);
    }
    return app;
  };

  return {
    async onBehalfOf(tenantId, ssoToken) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const result = await appFor(tenantId).acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes });
          if (!result?.accessToken) throw new TokenAcquisitionError('The identity provider returned no access token.', undefined);
          return result.accessToken;
        } catch (error) {
          const consent = consentProblem(error);
          if (!consent) throw asAcquisitionError(error);
          if (attempt >= retries) throw new ConsentRequiredError('delegated', consent);
          await sleep(firstDelayMs * 2 ** attempt);
        }
      }
    },

    async appOnly(tenantId) {
      try {
        const result = await appFor(tenantId).acquireTokenByClientCredential({ scopes: [...APP_GRAPH_SCOPES] });
        if (!result?.accessToken) throw new TokenAcquisitionError('The identity provider returned no access token.', undefined);
        return result.accessToken;
      } catch (error) {
        const consent = consentProblem(error);
        if (consent) throw new ConsentRequiredError('application', consent);
        throw asAcquisitionError(error);
      }
    },
  };
}

function msalConfiguration(options: GraphTokensOptions, tenant: TenantAuthority): Configuration {
  return {
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: tenant.authority,
      ...(tenant.authorityMetadata ? { authorityMetadata: tenant.authorityMetadata } : {}),
      ...(tenant.knownAuthorities ? { knownAuthorities: tenant.knownAuthorities } : {}),
    },
    system: {
      ...(tenant.networkClient ? { networkClient: tenant.networkClient } : {}),
      // MSAL logs nothing by default; keep PII (tokens, names) out of any logger added later.
      loggerOptions: { piiLoggingEnabled: false },
    },
  };
}

/**
 * Missing or not-yet-effective consent, as Entra reports it: `invalid_grant` (AADSTS65001 "has
 * not consented"), `interaction_required`, `consent_required`. Returns Entra's error code.
 */
function consentProblem(error: unknown): string | undefined {
  if (error instanceof InteractionRequiredAuthError) return error.errorCode || 'interaction_required';
  if (!(error instanceof MsalAuthError)) return undefined;
  const text = `${error.errorCode} ${error.errorMessage} ${error.subError}`;
  if (/AADSTS65001|AADSTS650052|AADSTS90094|consent_required|interaction_required/i.test(text)) return error.errorCode || 'consent_required';
  // invalid_grant also covers an expired or malformed assertion (AADSTS500133, AADSTS50013): not consent.
  if (error.errorCode === 'invalid_grant' && !/AADSTS500133|AADSTS50013\b|AADSTS50027/.test(text)) return 'invalid_grant';
  return undefined;
}

function asAcquisitionError(error: unknown): Error {
  if (error instanceof TokenAcquisitionError) return error;
  if (error instanceof MsalAuthError) {
    // errorMessage can quote the request's correlation ids but never the assertion or a token.
    return new TokenAcquisitionError(`Could not get a Graph token: ${error.errorCode}`, error.errorCode);
  }
  return new TokenAcquisitionError('Could not get a Graph token: the identity provider could not be reached.', undefined);
}
