/**
 * The clock of every integration and browser test's server: it starts at a fixed instant and then
 * moves with real time (timeouts, retries and token lifetimes behave as in production), so what a
 * test sees never depends on the hour or the day it runs at.
 */

/** Tuesday 9 June 2026, 08:00 in Sydney (22:00 UTC the day before): a working morning for most demo people. */
export const TEST_START = Date.parse('2026-06-08T22:00:00Z');

export interface TestClock {
  /** Milliseconds since the epoch, for the demo tenant's clock. */
  ms(): number;
  /** The same instant as a Date, for the app's `now`. */
  now(): Date;
}

export function testClock(start = TEST_START): TestClock {
  const began = performance.now();
  const ms = () => start + Math.round(performance.now() - began);
  return { ms, now: () => new Date(ms()) };
}
