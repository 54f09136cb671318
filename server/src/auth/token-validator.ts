import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthError } from './auth-error';

/** Who is calling, from a validated Teams SSO token. People are keyed on `tenantId` + `userId`. */
export interface Caller {
  tenantId: string;
  /** The person's object id (`oid`), stable across apps. */
  userId: string;
  name?: string;
  /** `preferred_username` (v2) or `upn` (v1): for display only, never a key. */
  upn?: string;
  /** App roles assigned to the person for this app (`roles` claim). */
  roles: string[];
  /** App role `Unplug.Admin`, or an admin directory role (`wids`). */
  isAdmin: boolean;
}

export const ADMIN_APP_ROLE = 'Unplug.Admin';

/**
 * Directory role *template* ids (the same in every tenant) that count as admins of Unplug:
 * Global Administrator and Teams Administrator (who deploys and governs Teams apps).
 */
export const ADMIN_DIRECTORY_ROLE_TEMPLATE_IDS: readonly string[] = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '69091246-20e8-4a56-aa4d-066075b2a7a8', // Teams Administrator
];

export interface TokenValidatorOptions {
  /**
   * Where the signing keys are published. A function when the URL is only known later (the demo
   * identity's JWKS lives on this server, whose port is known after listen); it is called on the
   * first validation. Or a key resolver, for tests.
   */
  jwks: string | URL | (() => string | URL) | { getKey: JWTVerifyGetKey };
  /** Accepted `aud` values: `api://<tabDomain>/<clientId>` (v1 tokens) and `<clientId>` (v2). */
  audiences: readonly string[];
  /** The issuers a token of tenant `tid` may carry (v1 and v2 forms), built from the token's own `tid`. */
  issuersFor: (tenantId: string) => readonly string[];
  /** Tenants whose people may use this server. */
  tenantAllowList: readonly string[];
  /** Delegated scope the token must carry. Default `access_as_user`. */
  requiredScope?: string;
  /** Allowed clock skew for `exp`/`nbf`, in seconds. Default 60. */
  clockToleranceSeconds?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface TokenValidator {
  /** Resolves with the caller, or rejects with an {@link AuthError}. */
  validate(token: string): Promise<Caller>;
}

/** Validated tokens remembered at most (a bound on memory, not a security limit). */
const MAX_REMEMBERED_TOKENS = 10_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates Teams SSO tokens (Entra access tokens for this app) as the platform notes describe:
 * RS256 signature from the JWKS, `exp`/`nbf` with a small skew, `aud`, `iss` per the token's own
 * `tid` (v1 and v2 forms), the tenant allow-list, and the `access_as_user` scope.
 *
 * @example
 * const validator = createTokenValidator(entraTokenValidatorOptions(config.entra));
 * const caller = await validator.validate(bearerToken); // { tenantId, userId, roles, isAdmin, ... }
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const getKey = keyResolver(options.jwks);
  const requiredScope = options.requiredScope ?? 'access_as_user';
  const tolerance = options.clockToleranceSeconds ?? 60;
  const now = options.now ?? (() => new Date());
  const allowed = new Set(options.tenantAllowList.map((t) => t.toLowerCase()));
  // A tab sends the same token with every request for up to an hour: its signature and claims are
  // checked once, then only its lifetime, so a warm request does no RSA work.
  const validated = new Map<string, { caller: Caller; notBeforeMs: number; expiresMs: number }>();
  // A tab's first paint sends its new token with three requests at once: one signature check serves them all.
  const checking = new Map<string, Promise<Caller>>();

  const check = async (token: string): Promise<Caller> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: ['RS256'],
        audience: [...options.audiences],
        clockTolerance: tolerance,
        currentDate: now(),
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      throw toAuthError(error);
    }
    const caller = callerFrom(payload, options, allowed, requiredScope);
    if (validated.size >= MAX_REMEMBERED_TOKENS) validated.clear();
    validated.set(token, { caller, notBeforeMs: (payload.nbf ?? 0) * 1000, expiresMs: (payload.exp ?? 0) * 1000 });
    return caller;
  };

  return {
    async validate(token: string): Promise<Caller> {
      if (typeof token !== 'string' || token.split('.').length !== 3) {
        throw new AuthError('token_malformed', 'it is not a JWT');
      }
      const known = validated.get(token);
      if (known) {
        const at = now().getTime();
        if (at >= known.expiresMs + tolerance * 1000) {
          validated.delete(token);
          throw new AuthError('token_expired');
        }
        if (at < known.notBeforeMs - tolerance * 1000) throw new AuthError('token_not_yet_valid');
        return known.caller;
      }
      let pending = checking.get(token);
      if (!pending) {
        pending = check(token).finally(() => checking.delete(token));
        checking.set(token, pending);
      }
      return pending;
    },
  };
}

function callerFrom(payload: JWTPayload, options: TokenValidatorOptions, allowed: Set<string>, requiredScope: string): Caller {
  const tid = payload['tid'];
  const oid = payload['oid'];
  if (typeof tid !== 'string' || !GUID.test(tid)) throw new AuthError('token_claims_invalid', 'The token has no valid tenant id (tid).');
  if (typeof oid !== 'string' || oid === '') throw new AuthError('token_claims_invalid', 'oid (a person’s token has an object id)');
  if (!options.issuersFor(tid).includes(String(payload.iss))) {
    throw new AuthError('token_issuer_invalid');
  }
  if (!allowed.has(tid.toLowerCase())) {
    throw new AuthError('tenant_not_allowed');
  }
  const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
  if (!scopes.includes(requiredScope)) {
    throw new AuthError('token_scope_missing', requiredScope);
  }
  const roles = stringList(payload['roles']);
  const wids = stringList(payload['wids']);
  const upn = stringClaim(payload['preferred_username']) ?? stringClaim(payload['upn']);
  const name = stringClaim(payload['name']);
  return {
    tenantId: tid,
    userId: oid,
    ...(name !== undefined ? { name } : {}),
    ...(upn !== undefined ? { upn } : {}),
    roles,
    isAdmin: roles.includes(ADMIN_APP_ROLE) || wids.some((w) => ADMIN_DIRECTORY_ROLE_TEMPLATE_IDS.includes(w.toLowerCase())),
  };
}

function keyResolver(jwks: TokenValidatorOptions['jwks']): JWTVerifyGetKey {
  if (typeof jwks === 'object' && 'getKey' in jwks) return jwks.getKey;
  const resolveUrl = typeof jwks === 'function' ? jwks : () => jwks;
  // Created on first use (the URL may only be known then) and again if the URL changes.
  let current: { url: string; getKey: JWTVerifyGetKey } | undefined;
  return (header, token) => {
    const url = String(resolveUrl());
    if (current?.url !== url) current = { url, getKey: createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 }) };
    return current.getKey(header, token);
  };
}

/** jose's errors in our codes, with our own words: nothing from the token reaches the message. */
function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError('token_expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new AuthError('token_not_yet_valid');
    if (error.claim === 'aud') return new AuthError('token_audience_invalid');
    return new AuthError('token_claims_invalid', error.claim);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError('token_signature_invalid', 'it is not signed with RS256');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError('token_signature_invalid', 'not against the identity provider’s keys');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthError('token_malformed', 'it is not a well-formed JWT');
  }
  // JWKS timeouts, invalid key sets, network failures: the keys are unavailable right now.
  return new AuthError('auth_unavailable');
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
