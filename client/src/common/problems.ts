import { ApiError } from '../api/api-error';

/** Any failure as an `ApiError`, so every view words problems the same way. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, 'unexpected_error', `Something went wrong in the tab (${message}). Try again.`);
}

export type ProblemKind = 'consent' | 'wait' | 'offline' | 'sign-in' | 'forbidden' | 'other';

/** What a person can do about an error: grant consent, wait and retry, reload, nothing, or retry. */
export function problemKind(error: ApiError): ProblemKind {
  switch (error.code) {
    case 'consent_required': return 'consent';
    case 'rate_limited':
    case 'graph_throttled': return 'wait';
    case 'network_error': return 'offline';
    case 'token_unavailable':
    case 'claims_challenge': // still challenged after asking Teams for a token with the claims
    case 'unauthorized':
    case 'invalid_token': return 'sign-in';
    case 'admin_required':
    case 'not_a_member':
    case 'not_a_team_member':
    case 'feature_disabled': return 'forbidden';
    default: return error.status === 503 || error.status === 429 ? 'wait' : 'other';
  }
}

/**
 * Field problems of a failed save, keyed by field path, as the server names them in `fields`
 * (its schema check, `invalid_request`, and the settings rules, `invalid_settings`).
 * @example fieldProblems(new ApiError(400, 'invalid_request', 'Invalid body: …', undefined, [{ field: 'bufferMinutes', message: 'must be a whole number from 0 to 60' }]))
 * // { bufferMinutes: 'must be a whole number from 0 to 60' }
 */
export function fieldProblems(error: ApiError, prefix = ''): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    if (!field.startsWith(prefix)) continue;
    const key = field.slice(prefix.length);
    byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
  }
  return byField;
}
