/**
 * The error catalogue: every error code the API answers with, its HTTP status and its message.
 * Codes are stable (the tab and tests match on them); messages may name details through `%s`
 * placeholders, filled in order by the server (`@fastify/error`, Node's `util.format`).
 * The body of every error is `{ error: { code, message, fields?, claims? } }` (`ErrorBody`).
 * This module imports nothing: the tab may read it without TypeBox.
 */
export const ERRORS = {
  // The request itself
  invalid_request: { status: 400, message: 'Invalid %s: %s' },
  invalid_body: { status: 400, message: '%s' },
  bad_request: { status: 400, message: '%s' },
  body_too_large: { status: 413, message: '%s' },
  unsupported_media_type: { status: 415, message: '%s' },
  not_found: { status: 404, message: 'No route for %s %s' },
  invalid_url: { status: 400, message: 'The URL does not decode: a percent-encoded part of it is not valid UTF-8.' },
  url_too_long: { status: 414, message: 'A part of the URL is longer than any valid value.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  headers_too_large: { status: 431, message: 'The request headers are larger than this server accepts.' },
  rate_limited: { status: 429, message: 'Too many requests: at most %s a minute. Try again in %s s.' },

  // Signing in (RFC 6750: 401 with WWW-Authenticate)
  token_missing: { status: 401, message: 'Sign-in required: send the Teams SSO token as "Authorization: Bearer <token>".' },
  token_malformed: { status: 401, message: 'The bearer token is not usable: %s.' },
  token_signature_invalid: { status: 401, message: 'The token signature does not verify: %s.' },
  token_expired: { status: 401, message: 'The token has expired.' },
  token_not_yet_valid: { status: 401, message: 'The token is not valid yet.' },
  token_audience_invalid: { status: 401, message: 'The token was issued for another application.' },
  token_issuer_invalid: { status: 401, message: 'The token was not issued by the identity provider of its own tenant.' },
  token_claims_invalid: { status: 401, message: "The token's %s claim is missing or invalid." },
  token_scope_missing: { status: 401, message: 'The token does not carry the %s scope.' },
  // A token from an organisation this server does not serve is not valid here (RFC 6750
  // invalid_token); the code tells the tab that a new token will not help.
  tenant_not_allowed: { status: 401, message: 'This organisation is not set up to use this Unplug server.' },
  // The signing keys could not be fetched: our problem, not the caller's.
  auth_unavailable: { status: 503, message: 'The identity provider’s signing keys could not be fetched. Try again in a moment.' },
  claims_challenge: { status: 401, message: 'Microsoft Entra asks you to sign in again (for example with multi-factor authentication) before Unplug can read your calendar.' },
  consent_required: { status: 403, message: 'Unplug needs %s.' },
  token_acquisition_failed: { status: 502, message: '%s' },

  // Permissions and features
  admin_required: { status: 403, message: 'Only admins (app role Unplug.Admin, or a Global or Teams Administrator) can change organisation settings.' },
  feature_disabled: { status: 403, message: 'Your organisation has turned %s off.' },
  not_a_member: { status: 403, message: 'Opt in to this team\'s balance to see it: only members who share their figures see the aggregate.' },
  not_a_team_member: { status: 403, message: 'You are not a member of this team in Microsoft Teams, so you cannot share figures with it or see its aggregate.' },

  // Values the domain refuses
  invalid_settings: { status: 400, message: '%s' },
  invalid_range: { status: 400, message: '%s' },
  invalid_week: { status: 400, message: '"week" must be the date of a Monday (YYYY-MM-DD).' },
  invalid_adjustment: { status: 400, message: '%s' },
  invalid_repeat: { status: 400, message: '"repeat" applies only to quiet-time suggestions; blocks are booked in the calendar.' },

  // Suggestions and quiet windows
  suggestion_not_found: { status: 404, message: 'No open suggestion %s: it may have passed, or the time is no longer free.' },
  booking_not_found: { status: 404, message: 'No block booked by Unplug for %s.' },
  quiet_window_not_found: { status: 404, message: 'No quiet window %s is on.' },
  booking_in_progress: { status: 409, message: 'This block is still being booked. Try again in a moment.' },
  undo_not_supported: { status: 409, message: 'Quiet time booked as an event by an earlier version is left as it is: delete it in Outlook if you no longer want it.' },
  suggestion_booked: { status: 409, message: '%s' },
  suggestion_changed: { status: 409, message: 'This suggestion changed while it was being accepted. Try again.' },
  suggestion_dismissed: { status: 409, message: 'This suggestion was dismissed; it can no longer be accepted.' },

  // Microsoft Graph and the store
  graph_throttled: { status: 503, message: 'Microsoft Graph is busy right now. Try again in a moment.' },
  graph_response_invalid: { status: 502, message: 'Microsoft Graph sent a response Unplug cannot read: %s' },
  graph_request_failed: { status: 502, message: 'Microsoft Graph refused a request (%s %s): %s' },
  store_unavailable: { status: 503, message: 'The database does not answer right now. Try again in a moment.' },
  client_not_built: { status: 503, message: 'The tab is not built yet. Run `npm run build`, or start with `npm start`.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Try again in a moment.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Whether a string is a code of the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
