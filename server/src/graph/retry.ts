/**
 * Bounded retries for Graph throttling and transient failures (429, 503, 504), honouring
 * `Retry-After`. Used for whole HTTP requests (as graph-client middleware) and for the failed
 * parts of a `$batch`, so both follow the same rules.
 *
 * Why not the graph client's own RetryHandler: it sleeps with a bare `setTimeout` (not
 * injectable, so tests would really wait), caps single delays at 180 s and has no bound on the
 * total wait of one operation.
 */

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Bounds per gateway operation (a tab load with its batch, part retries and pages, a create...). */
export interface RetryPolicy {
  /** Retries after the first attempt, over the whole operation. */
  maxRetries: number;
  /** Total time the operation may spend waiting between retries. */
  maxTotalWaitMs: number;
  /** A single `Retry-After` longer than this is not waited for: give up at once. */
  maxSingleWaitMs: number;
  /** Without `Retry-After`: `baseDelayMs · 2^retry`. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 10,
  maxTotalWaitMs: 30_000,
  maxSingleWaitMs: 15_000,
  baseDelayMs: 500,
  sleep: realSleep,
};

/**
 * `Retry-After` in milliseconds: delay-seconds (Graph sends fractions such as `2.128`) or an
 * HTTP date. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // HTTP-date (IMF-fixdate, e.g. "Mon, 10 Mar 2025 08:00:30 GMT"); Date.parse alone would take "-1".
  if (!/GMT$/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** One operation's retry allowance: how many retries and how much waiting are left. */
export class RetryBudget {
  private retries = 0;
  private waitedMs = 0;

  constructor(private readonly policy: RetryPolicy) {}

  get attempts(): number {
    return this.retries + 1;
  }

  /**
   * The delay before the next retry, or `undefined` when the budget does not allow one. Counts
   * the retry and its wait when it returns a delay.
   */
  take(retryAfterMs: number | undefined): number | undefined {
    if (this.retries >= this.policy.maxRetries) return undefined;
    const delay = retryAfterMs ?? this.policy.baseDelayMs * 2 ** this.retries;
    if (delay > this.policy.maxSingleWaitMs || this.waitedMs + delay > this.policy.maxTotalWaitMs) return undefined;
    this.retries += 1;
    this.waitedMs += delay;
    return delay;
  }
}
