import { AppError } from '../plugins/errors';

/**
 * The person (delegated) or an admin (application permissions) has not consented to what Unplug
 * needs, or consent has not taken effect yet. The tab turns `consent_required` into a consent
 * button. Raised from on-behalf-of failures and from Graph's 403 for a missing permission.
 */
export class ConsentRequiredError extends AppError {
  constructor(readonly permissionType: 'delegated' | 'application', readonly reason: string) {
    super('consent_required', [permissionType === 'delegated'
      ? 'your consent to read your calendar and presence'
      : 'an administrator to grant it its application permissions']);
    this.name = 'ConsentRequiredError';
  }
}

/**
 * Entra wants more than the person's SSO token shows (MFA, a Conditional Access policy): the
 * on-behalf-of exchange answered `interaction_required` with a claims challenge. The tab passes
 * `claims` to Teams' `authentication.getAuthToken({ claims: [claims] })`, which prompts the
 * person, and retries with the new token. Not consent: a consent button would not help.
 * 401 as Microsoft's claims-challenge format has it, with the claims also in `WWW-Authenticate`
 * (base64): https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
export class ClaimsChallengeError extends AppError {
  constructor(readonly claims: string) {
    super('claims_challenge', [], {
      headers: { 'WWW-Authenticate': `Bearer realm="", error="insufficient_claims"${claims ? `, claims="${Buffer.from(claims).toString('base64')}"` : ''}` },
      extra: claims ? { claims } : {},
    });
    this.name = 'ClaimsChallengeError';
  }
}

/** Graph kept answering 429/503/504 after the bounded retries. */
export class GraphThrottledError extends AppError {
  constructor(readonly status: number, readonly attempts: number | undefined, readonly retryAfterMs: number | undefined) {
    super('graph_throttled', [], { headers: { 'Retry-After': String(Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000))) } });
    this.name = 'GraphThrottledError';
  }
}

/** Graph answered 2xx with something we cannot read (missing field, wrong type, unknown value). */
export class GraphResponseError extends AppError {
  constructor(readonly problem: string) {
    super('graph_response_invalid', [problem]);
    this.name = 'GraphResponseError';
  }
}

/** Graph refused a request for another reason (400, 404, 401, a 403 that is not about consent...). */
export class GraphRequestError extends AppError {
  constructor(readonly status: number, readonly graphCode: string, graphMessage: string) {
    super('graph_request_failed', [status, graphCode || 'error', graphMessage]);
    this.name = 'GraphRequestError';
  }
}
