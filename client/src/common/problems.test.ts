import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { asApiError, fieldProblems, problemKind } from './problems';

describe('problemKind', () => {
  it.each([
    [new ApiError(403, 'consent_required', 'x'), 'consent'],
    [new ApiError(429, 'rate_limited', 'x', 3), 'wait'],
    [new ApiError(503, 'graph_throttled', 'x', 3), 'wait'],
    [new ApiError(503, 'service_unavailable', 'x'), 'wait'],
    [new ApiError(0, 'network_error', 'x'), 'offline'],
    [new ApiError(0, 'token_unavailable', 'x'), 'sign-in'],
    [new ApiError(401, 'claims_challenge', 'x', undefined, [], '{}'), 'sign-in'], // never consent
    [new ApiError(403, 'admin_required', 'x'), 'forbidden'],
    [new ApiError(500, 'internal_error', 'x'), 'other'],
  ] as const)('%s → %s', (error, kind) => {
    expect(problemKind(error)).toBe(kind);
  });

  it('wraps anything thrown', () => {
    expect(asApiError(new Error('boom'))).toMatchObject({ code: 'unexpected_error', status: 0 });
  });
});

describe('fieldProblems', () => {
  it('keys the server\'s field problems by field, without a prefix', () => {
    const error = new ApiError(400, 'invalid_settings', 'x', undefined, [
      { field: 'defaults.maxBlockMinutes', message: 'must be at least the minimum block length (60)' },
      { field: 'minGroupSize', message: 'must be a whole number from 5 to 1000' },
    ]);
    expect(fieldProblems(error, 'defaults.')).toEqual({ maxBlockMinutes: 'must be at least the minimum block length (60)' });
    expect(fieldProblems(error)).toHaveProperty('minGroupSize');
  });

  it('takes a schema error\'s fields as the server names them, and never reads its English', () => {
    const error = new ApiError(400, 'invalid_request', 'Invalid body: body/lunch/end must match pattern "^x$"', undefined, [
      { field: 'lunch.end', message: 'must be a time as HH:mm, e.g. 12:30' },
    ]);
    expect(fieldProblems(error)).toEqual({ 'lunch.end': 'must be a time as HH:mm, e.g. 12:30' });
    expect(fieldProblems(new ApiError(400, 'invalid_request', 'Invalid body: body/lunch/end must match pattern "^x$"'))).toEqual({});
  });
});
