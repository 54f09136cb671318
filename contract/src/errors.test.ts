import { describe, expect, it } from 'vitest';
import { ERRORS, isErrorCode } from './errors';

describe('the error catalogue', () => {
  it.each(Object.entries(ERRORS))('%s: a 4xx or 5xx status and a message', (code, { status, message }) => {
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(message.trim()).not.toBe('');
  });

  it('keeps the codes the tab acts on, with their statuses', () => {
    expect(ERRORS.consent_required.status).toBe(403);
    expect(ERRORS.claims_challenge.status).toBe(401);
    expect(ERRORS.rate_limited.status).toBe(429);
    expect(ERRORS.graph_throttled.status).toBe(503);
    expect(ERRORS.feature_disabled.status).toBe(403);
    expect(ERRORS.invalid_request.status).toBe(400);
    expect(ERRORS.invalid_settings.status).toBe(400);
  });

  it('tells its codes from other strings', () => {
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NOT_FOUND')).toBe(false);
  });
});
