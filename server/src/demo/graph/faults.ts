import type { InjectedFault } from '../faults';
import { graphError, type GraphAnswer } from './answer';

/** The answer of an injected fault, as Graph throttles (429) or fails (503), with `Retry-After`. */
export function faultAnswer(fault: NonNullable<InjectedFault>, clientRequestId?: string): GraphAnswer {
  const headers = { 'Retry-After': String(fault.retryAfterSeconds) };
  return fault.status === 429
    ? graphError(429, 'TooManyRequests', 'Please retry again later.', { headers, clientRequestId, innerError: { code: '429', message: 'Please retry after', status: '429' } })
    : graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', { headers, clientRequestId, innerError: { code: '503', status: '503' } });
}
