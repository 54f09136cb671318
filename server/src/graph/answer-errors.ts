import { ConsentRequiredError, GraphRequestError, GraphResponseError, GraphThrottledError } from './errors';
import { RETRYABLE_STATUSES } from './retry';

/**
 * A 403 for a missing permission, by Graph's error code, never by words in the message:
 * - `ErrorAccessDenied`: Outlook (calendar, mailbox settings) without the permission;
 * - `Authorization_RequestDenied`: directory objects ("Insufficient privileges");
 * - `accessDenied`: Graph's generic code ("The caller doesn't have permission to perform the action");
 * - `Forbidden` with Graph's "Missing scope/role permissions on the request" (the Teams activity
 *   feed names the permission it wants that way), or with an empty message: presence (cloud
 *   communications) refuses a token without its permission so (see `refusalFor` in graph-calls.ts;
 *   microsoftgraph/microsoft-graph-docs-contrib#6119).
 * Anything else (an empty code, `insufficient_claims`, a policy refusal...) is Graph refusing the
 * request, not missing consent. https://learn.microsoft.com/graph/errors,
 * https://learn.microsoft.com/graph/resolve-auth-errors
 */
const PERMISSION_CODES = new Set(['erroraccessdenied', 'authorization_requestdenied', 'accessdenied']);

export function isConsentDenial(status: number, code: string, message: string): boolean {
  if (status !== 403) return false;
  if (PERMISSION_CODES.has(code.toLowerCase())) return true;
  return code.toLowerCase() === 'forbidden' && (message.trim() === '' || /^Missing (scope|role) permissions on the request/i.test(message.trim()));
}

/**
 * The gateway's typed error for a Graph answer that is not a usable one — what both the graph
 * client's path (graph-client.ts) and the direct one (direct-json.ts) throw: a 2xx whose body is
 * not JSON, throttling left after the retries, missing consent, any other refusal with Graph's
 * code and message.
 */
export function answerError(status: number, code: string, message: string, kind: 'person' | 'app', attempts: number, retryAfterMs: number | undefined): Error {
  if (status >= 200 && status < 300) return new GraphResponseError(`the response is not valid JSON (${status})`);
  if (RETRYABLE_STATUSES.has(status)) return new GraphThrottledError(status, attempts, retryAfterMs);
  if (isConsentDenial(status, code, message)) return new ConsentRequiredError(kind === 'person' ? 'delegated' : 'application', code || 'Forbidden');
  return new GraphRequestError(status, code, message);
}
