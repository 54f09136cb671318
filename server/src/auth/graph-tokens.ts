import { decodeJwt } from 'jose';
import { AuthError as MsalAuthError, ConfidentialClientApplication, type Configuration, type INetworkModule } from '@azure/msal-node';
import { ClaimsChallengeError, ConsentRequiredError } from '../graph/errors';
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
   * MSAL's token cache is partitioned by person (account): at most this many people's tokens are
   * kept per tenant; the least recently served are dropped first. Default 2,000.
   */
  maxCachedPeople?: number;
  /**
   * A person's tokens are dropped this long after they were last served. On-behalf-of answers from
   * the cache only for the same SSO token, which Teams renews about hourly. Default 1 hour.
   */
  cacheIdleMs?: number;
  /** Clock for the idle expiry (tests). */
  now?: () => number;
}

/** Graph access tokens for a person (on-behalf-of their SSO token) or for the app (jobs). */
export interface GraphTokens {
  /**
   * Rejects with {@link ConsentRequiredError} when the person (or admin) has not consented, and
   * with {@link ClaimsChallengeError} when Entra asks for more (MFA, Conditional Access).
   */
  onBehalfOf(tenantId: string, ssoToken: string): Promise<string>;
  appOnly(tenantId: string): Promise<string>;
  /** How many people's tokens MSAL holds for a tenant now (for tests and the memory benchmark). */
  cachedPeople?(tenantId: string): number;
}

/** A token could not be obtained for a reason other than consent (network, bad client secret...). */
export class TokenAcquisitionError extends AppError {
  constructor(message: string, readonly msalErrorCode: string | undefined) {
    super('token_acquisition_failed', [message]);
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
 * token is answered from it). That cache is kept bounded: it is partitioned by person (the SSO
 * token's `oid`, and the MSAL account their tokens are stored under), and a person's tokens are
 * removed when they are among the least recently served beyond `maxCachedPeople`, or idle for
 * `cacheIdleMs`. Graph tokens stay on the
 * server: never hand one to the client.
 *
 * Missing consent is answered at once (no retries: Entra's AADSTS65001 means the person has not
 * consented, and waiting does not change that; right after the consent pop-up the tab simply asks
 * again). A claims challenge (MFA, Conditional Access) becomes {@link ClaimsChallengeError}, with
 * Entra's `claims` for the tab to pass to `getAuthToken({ claims })`.
 *
 * @example
 * const tokens = createGraphTokens({ clientId, clientSecret, authorityFor: entraAuthority });
 * const graphToken = await tokens.onBehalfOf(caller.tenantId, ssoToken);
 */
export function createGraphTokens(options: GraphTokensOptions): GraphTokens & Required<Pick<GraphTokens, 'cachedPeople'>> {
  const tenants = new Map<string, TenantCache>();
  const scopes = [...(options.delegatedScopes ?? DELEGATED_GRAPH_SCOPES)];
  const maxPeople = options.maxCachedPeople ?? 2000;
  const idleMs = options.cacheIdleMs ?? 60 * 60_000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(maxPeople) || maxPeople < 1) throw new Error('maxCachedPeople must be a whole number of at least 1');

  const tenantFor = (tenantId: string): TenantCache => {
    let tenant = tenants.get(tenantId);
    if (!tenant) {
      tenant = { app: new ConfidentialClientApplication(msalConfiguration(options, options.authorityFor(tenantId))), people: new Map() };
      tenants.set(tenantId, tenant);
    }
    return tenant;
  };

  return {
    async onBehalfOf(tenantId, ssoToken) {
      const tenant = tenantFor(tenantId);
      const person = personOf(ssoToken);
      let result;
      try {
        // MSAL looks through the whole tenant's cache before asking the authority; for someone with
        // no tokens cached (a first open, or after the bound dropped them) it can only find nothing.
        const cached = tenant.people.has(person);
        result = await tenant.app.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes, ...(cached ? {} : { skipCache: true }) });
      } catch (error) {
        const claims = claimsChallenge(error);
        if (claims !== undefined) throw new ClaimsChallengeError(claims);
        const consent = consentProblem(error);
        if (consent) throw new ConsentRequiredError('delegated', consent);
        throw asAcquisitionError(error);
      }
      if (!result?.accessToken) throw new TokenAcquisitionError('The identity provider returned no access token.', undefined);
      keepBounded(tenant, person, result.fromCache ? undefined : accountHolding(tenant.app, result.accessToken), now(), maxPeople, idleMs);
      return result.accessToken;
    },

    async appOnly(tenantId) {
      try {
        const result = await tenantFor(tenantId).app.acquireTokenByClientCredential({ scopes: [...APP_GRAPH_SCOPES] });
        if (!result?.accessToken) throw new TokenAcquisitionError('The identity provider returned no access token.', undefined);
        return result.accessToken;
      } catch (error) {
        const consent = consentProblem(error);
        if (consent) throw new ConsentRequiredError('application', consent);
        throw asAcquisitionError(error);
      }
    },

    cachedPeople(tenantId) {
      return tenants.get(tenantId)?.people.size ?? 0;
    },
  };
}

interface TenantCache {
  app: ConfidentialClientApplication;
  /** Person (`oid` of the SSO token) → their MSAL cache partition; least recently served first. */
  people: Map<string, CachedPerson>;
}

interface CachedPerson {
  lastServedMs: number;
  /** MSAL's account ids (`homeAccountId`, `<uid>.<utid>` from client_info) their tokens are kept under. */
  accounts: Set<string>;
}

/** The person an SSO token (this API's own token, already validated by the bearer check) speaks for. */
function personOf(ssoToken: string): string {
  try {
    const claims = decodeJwt(ssoToken);
    return `${String(claims.tid ?? '')}|${String(claims.oid ?? claims.sub ?? '')}`;
  } catch {
    return `assertion|${ssoToken.slice(-24)}`;
  }
}

/** MSAL's account id of the cache entry that holds `accessToken` (found once, when a token is new). */
function accountHolding(app: ConfidentialClientApplication, accessToken: string): string | undefined {
  const store = app.getTokenCache().getKVStore() as Record<string, { secret?: unknown; homeAccountId?: unknown }>;
  for (const entity of Object.values(store)) {
    if (entity.secret === accessToken && typeof entity.homeAccountId === 'string') return entity.homeAccountId;
  }
  return undefined;
}

/**
 * Marks the person as just served (recording the account a new token went to), then drops the
 * partitions of people beyond the bound or idle too long: every entity MSAL keeps under their
 * account ids (access, refresh and id tokens, account), from MSAL's live key-value store.
 */
function keepBounded(tenant: TenantCache, person: string, newAccount: string | undefined, nowMs: number, maxPeople: number, idleMs: number): void {
  const entry = tenant.people.get(person) ?? { lastServedMs: nowMs, accounts: new Set<string>() };
  tenant.people.delete(person);
  entry.lastServedMs = nowMs;
  if (newAccount !== undefined) entry.accounts.add(newAccount);
  tenant.people.set(person, entry);

  const dropped = new Set<string>();
  let over = tenant.people.size - maxPeople;
  for (const [id, cached] of tenant.people) {
    if (over > 0) over -= 1;
    else if (nowMs - cached.lastServedMs <= idleMs) break; // the rest were served more recently
    tenant.people.delete(id);
    for (const account of cached.accounts) dropped.add(account);
  }
  if (dropped.size === 0) return;
  const store = tenant.app.getTokenCache().getKVStore() as Record<string, { homeAccountId?: unknown }>;
  for (const key of Object.keys(store)) {
    const owner = store[key]?.homeAccountId;
    if (typeof owner === 'string' && dropped.has(owner)) delete store[key];
  }
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
 * Entra's claims challenge: `interaction_required` with a `claims` value (AADSTS50076 MFA,
 * AADSTS50079, AADSTS53003 Conditional Access...). The middle tier must pass it back to the client,
 * which gets a new token with those claims and retries. Returns the claims (a JSON string).
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow (error response)
 * https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
function claimsChallenge(error: unknown): string | undefined {
  if (!(error instanceof MsalAuthError)) return undefined;
  const claims = (error as { claims?: unknown }).claims;
  if (typeof claims === 'string' && claims.trim() !== '') return claims;
  // interaction_required without claims (and not consent): a fresh token from the client may do.
  return error.errorCode === 'interaction_required' && error.subError !== 'consent_required' ? '' : undefined;
}

/**
 * Missing consent, as Entra reports it: AADSTS65001 (`invalid_grant` with suberror
 * `consent_required`), `consent_required`, AADSTS650052/AADSTS90094 (admin consent needed).
 * Other `invalid_grant`s (expired assertion AADSTS500133, bad signature AADSTS50013, MFA without a
 * claims value...) are not consent. Returns Entra's error code.
 */
function consentProblem(error: unknown): string | undefined {
  if (!(error instanceof MsalAuthError)) return undefined;
  const text = `${error.errorCode} ${error.errorMessage} ${error.subError}`;
  if (error.subError === 'consent_required' || error.errorCode === 'consent_required' || /AADSTS(65001|650052|90094)\b/.test(text)) {
    return error.errorCode || 'consent_required';
  }
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
