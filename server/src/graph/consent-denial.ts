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
