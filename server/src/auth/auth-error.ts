import { AppError } from '../plugins/errors';

/**
 * Why a request's token was refused. Stable: clients and tests match on these.
 * `token_expired` tells the tab to fetch a fresh SSO token; the others mean it never will work.
 */
export type AuthErrorCode =
  | 'token_missing'
  | 'token_malformed'
  | 'token_signature_invalid'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_audience_invalid'
  | 'token_issuer_invalid'
  | 'token_claims_invalid'
  | 'token_scope_missing'
  | 'tenant_not_allowed'
  | 'auth_unavailable';

const STATUS: Record<AuthErrorCode, number> = {
  token_missing: 401,
  token_malformed: 401,
  token_signature_invalid: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_audience_invalid: 401,
  token_issuer_invalid: 401,
  token_claims_invalid: 401,
  token_scope_missing: 401,
  // A token from an organisation this server does not serve is not valid here (RFC 6750
  // invalid_token); the code tells the tab that a new token will not help.
  tenant_not_allowed: 401,
  // The signing keys could not be fetched: our problem, not the caller's.
  auth_unavailable: 503,
};

/**
 * A refused token. The message says what was wrong in words and never contains the token (or
 * any part of it), so it is safe to send to the client and to log.
 */
export class AuthError extends AppError {
  constructor(override readonly code: AuthErrorCode, message: string) {
    super(STATUS[code], code, message, challenge(code));
    this.name = 'AuthError';
  }
}

/** RFC 6750: no error attribute when no credentials were sent at all. */
function challenge(code: AuthErrorCode): Record<string, string> {
  if (STATUS[code] !== 401) return {};
  return { 'WWW-Authenticate': code === 'token_missing' ? 'Bearer' : 'Bearer error="invalid_token"' };
}
