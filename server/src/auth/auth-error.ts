import { ERRORS } from '@unplug/contract';
import { AppError, type MessageArgs } from '../plugins/errors';

/**
 * Why a request's token was refused (statuses and messages in the error catalogue). Stable:
 * clients and tests match on these.
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


/**
 * A refused token. The message says what was wrong in words and never contains the token (or
 * any part of it), so it is safe to send to the client and to log.
 */
export class AuthError extends AppError {
  constructor(override readonly code: AuthErrorCode, ...args: MessageArgs) {
    super(code, args, { headers: challenge(code) });
    this.name = 'AuthError';
  }
}

/** RFC 6750: no error attribute when no credentials were sent at all. */
function challenge(code: AuthErrorCode): Record<string, string> {
  if (ERRORS[code].status !== 401) return {};
  return { 'WWW-Authenticate': code === 'token_missing' ? 'Bearer' : 'Bearer error="invalid_token"' };
}
