/**
 * A rate limit shared by every instance, as one number per tenant: the generic cell rate
 * algorithm (GCRA). `tat` ("theoretical arrival time") moves forward by `intervalMs` per request;
 * a request may go when `tat` is at most `burst` intervals ahead of now. 1500 requests per 30 s
 * is an interval of 20 ms with a burst of 1500: never more than 1500 in any 30-second window.
 */
import type { Instant } from '../types';

export interface RateLimit {
  requests: number;
  perMs: number;
}

/** Graph: `getPresencesByUserId`, 1500 requests per 30 s per app per tenant. */
export const PRESENCE_RATE_LIMIT: RateLimit = { requests: 1500, perMs: 30_000 };

export interface Reservation {
  /** The new theoretical arrival time to store. */
  tat: Instant;
  /** How long the caller waits before sending (0: at once). */
  waitMs: number;
}

/**
 * Reserves one request. The wait is counted from `now`; the reservation holds even if the caller
 * sends later than that.
 * @example
 * reserve(undefined, 0, { requests: 2, perMs: 1000 })  // { tat: 500, waitMs: 0 }
 * reserve(500, 0, { requests: 2, perMs: 1000 })        // { tat: 1000, waitMs: 0 }
 * reserve(1000, 0, { requests: 2, perMs: 1000 })       // { tat: 1500, waitMs: 500 }
 */
export function reserve(tat: Instant | undefined, now: Instant, limit: RateLimit): Reservation {
  const intervalMs = limit.perMs / limit.requests;
  const next = Math.max(tat ?? now, now) + intervalMs;
  const allowedAt = next - limit.perMs;
  return { tat: next, waitMs: Math.max(0, allowedAt - now) };
}
