/**
 * A hostile Graph: the demo tenant answers 30% of calls (and of `$batch` parts) 429 with
 * `Retry-After: 1`, 10% 503, and every call 200 ms late. Tab loads still succeed within the bound
 * below, and accepts — double-clicked, retried by the client when told Graph is busy — still create
 * exactly one calendar event each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../api/api-harness';

const FAULTS = { latencyMs: 200, rate429: 0.3, rate503: 0.1, retryAfterSeconds: 1 };
/** A tab load (profile, balance and suggestions, in parallel, as the tab asks) finishes within this. */
const TAB_LOAD_BOUND_MS = 15_000;
const PEOPLE = 6;

let h: ApiHarness;
let people: ApiHarness['people'];
let tokens: string[];

beforeAll(async () => {
  h = await startApiHarness({ api: { ratePerMinute: 10_000 } });
  people = h.people.filter((p) => p.displayName !== 'Lukas Meyer').slice(0, PEOPLE);
  tokens = await Promise.all(people.map((p) => h.tokenFor(p.id)));
});
afterAll(async () => {
  await h?.setFaults({}).catch(() => {});
  await h?.close();
});

/** What the tab does with a 503 `graph_throttled`: wait as told, and try again (a few times). */
async function withClientRetry(run: () => ReturnType<ApiHarness['api']>) {
  for (let attempt = 1; ; attempt += 1) {
    const res = await run();
    if (res.status !== 503 || attempt === 4) return { ...res, attempts: attempt };
    expect(res.body.error.code).toBe('graph_throttled');
    await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}

describe('Graph at 30% 429, 10% 503, 200 ms latency', () => {
  it('tab loads succeed within the bound, and each accept books exactly one event', async () => {
    const before = await Promise.all(people.map((p) => h.unplugEvents(p.id)));
    const statsBefore = await h.stats() as { throttled?: number; unavailable?: number; graphRequests: number };
    await h.setFaults(FAULTS);

    const loads = await Promise.all(tokens.map(async (token) => {
      const started = performance.now();
      const answers = await Promise.all(['/api/me', '/api/me/balance', '/api/me/suggestions'].map((path) => h.api(token, 'GET', path)));
      return { answers, elapsedMs: performance.now() - started };
    }));
    for (const [i, load] of loads.entries()) {
      expect(load.answers.map((a) => a.status), people[i]!.displayName).toEqual([200, 200, 200]);
      expect(load.elapsedMs, people[i]!.displayName).toBeLessThan(TAB_LOAD_BOUND_MS);
    }

    // Each person books their first suggestion with a double click; the client retries "busy".
    const blocks = loads.map((load) => (load.answers[2]!.body.suggestions as { id: string }[])[0]!);
    const accepts = await Promise.all(tokens.map((token, i) => Promise.all([0, 1].map(() =>
      withClientRetry(() => h.api(token, 'POST', `/api/me/suggestions/${blocks[i]!.id}/accept`))))));
    const statsAfter = await h.stats() as { throttled?: number; unavailable?: number; graphRequests: number };
    await h.setFaults({});

    for (const [i, pair] of accepts.entries()) {
      // One of the two booked it; the other was told about the same event.
      expect(pair.map((a) => a.status).sort(), `${people[i]!.displayName}: ${JSON.stringify(pair.map((a) => a.body))}`).toEqual([200, 201]);
      expect(pair[0]!.body.eventId).toBe(pair[1]!.body.eventId);
      const after = await h.unplugEvents(people[i]!.id);
      expect(after.length, people[i]!.displayName).toBe(before[i]!.length + 1);
      expect(after.map((e) => e.id)).toContain(pair[0]!.body.eventId);
    }
    // The faults really happened.
    const throttled = (statsAfter.throttled ?? 0) - (statsBefore.throttled ?? 0);
    const unavailable = (statsAfter.unavailable ?? 0) - (statsBefore.unavailable ?? 0);
    expect(throttled).toBeGreaterThan(0);
    expect(unavailable).toBeGreaterThan(0);
    const slowest = Math.max(...loads.map((l) => l.elapsedMs));
    const retried = accepts.flat().filter((a) => a.attempts > 1).length;
    console.info(`graph faults: ${PEOPLE} tab loads, slowest ${Math.round(slowest)} ms (bound ${TAB_LOAD_BOUND_MS} ms); ${2 * PEOPLE} accepts (${retried} retried by the client) → ${PEOPLE} events; Graph answered ${throttled}×429 and ${unavailable}×503 in ${statsAfter.graphRequests - statsBefore.graphRequests} requests`);
  });
});
