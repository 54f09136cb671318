/**
 * A rate limit shared by every instance, as one number per tenant: when the next request may go
 * (a "theoretical arrival time", as in the generic cell rate algorithm, with no burst). Requests
 * are spaced `perMs / requests` apart — 20 ms for Graph's 1500 presence requests per 30 s — so
 * no 30-second window ever holds more than 1500, however the requests bunch up. A burst allowance
 * would break that guarantee at the window's edges, and at 20 ms the spacing costs nothing next
 * to Graph's own latency.
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
 * Reserves one request slot. The wait is counted from `now`. Waits are capped at one window: a
 * stored time further ahead means either more than a window's worth of requests queued at once
 * (never here: each instance sends one presence request at a time) or a clock that went back
 * (another instance's, or this one's), which must not stall sampling for as long as it jumped.
 * @example
 * reserve(undefined, 0, { requests: 2, perMs: 1000 })  // { tat: 500, waitMs: 0 }
 * reserve(500, 0, { requests: 2, perMs: 1000 })        // { tat: 1000, waitMs: 500 }
 * reserve(1000, 5000, { requests: 2, perMs: 1000 })    // { tat: 5500, waitMs: 0 } — idle time is not saved up
 */
export function reserve(tat: Instant | undefined, now: Instant, limit: RateLimit): Reservation {
  const intervalMs = limit.perMs / limit.requests;
  const slot = Math.min(Math.max(tat ?? now, now), now + limit.perMs);
  return { tat: slot + intervalMs, waitMs: slot - now };
}
