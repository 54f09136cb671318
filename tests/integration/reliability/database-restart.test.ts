/**
 * The database goes away and comes back while people are booking blocks: the server says it is
 * not ready, refuses what it cannot do with a coded error, recovers by itself (no restart), and no
 * accepted block is lost — every accept the client saw succeed, or retried after the outage, is
 * recorded once in the store and once in the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestionStateRepository } from '../../../server/src/store/repositories/suggestion-state-repository';
import { openStore, type Store } from '../../../server/src/store/store';
import { startApiHarness, type ApiHarness } from '../api/api-harness';
import { startProxiedDatabase, type ProxiedDatabase } from './support/database';

const RECOVERY_BOUND_MS = 20_000;

let database: ProxiedDatabase;
let store: Store;
let h: ApiHarness;
let people: ApiHarness['people'];
let tokens: string[];

beforeAll(async () => {
  database = await startProxiedDatabase();
  store = await openStore({ databaseUrl: database.url, dataDir: 'unused', maxConnections: database.maxConnections });
  h = await startApiHarness({ store, api: { ratePerMinute: 10_000 } });
  people = h.people.filter((p) => p.displayName !== 'Lukas Meyer').slice(0, 4);
  tokens = await Promise.all(people.map((p) => h.tokenFor(p.id)));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
  await database?.close();
});

const readyz = async () => {
  const res = await fetch(`${h.base}/readyz`);
  return { status: res.status, body: await res.json() as { status: string; error?: { code: string } } };
};
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, boundMs: number): Promise<{ value: T; elapsedMs: number }> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, elapsedMs: performance.now() - started };
    if (performance.now() - started > boundMs) throw new Error(`${what}: not within ${boundMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const keyOf = (token: string, userId: string) => ({ tenantId: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).tid as string, userId });

describe(`the database stopped and restarted (${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite over the wire'})`, () => {
  it('reports not-ready, recovers by itself, and loses no accepted block', async () => {
    const firstBlocks = await Promise.all(tokens.map(async (token) => (await h.api(token, 'GET', '/api/me/suggestions')).body.suggestions[0] as { id: string }));
    const before = await Promise.all(people.map((p) => h.unplugEvents(p.id)));
    expect((await readyz()).status).toBe(200);

    // Booked before the outage.
    const early = await h.api(tokens[0]!, 'POST', `/api/me/suggestions/${firstBlocks[0]!.id}/accept`);
    expect(early.status).toBe(201);

    // Three more accepts are on their way to Graph (slowed to 500 ms) when the database goes.
    await h.setFaults({ latencyMs: 500 });
    const during = Promise.all([1, 2, 3].map((i) => h.api(tokens[i]!, 'POST', `/api/me/suggestions/${firstBlocks[i]!.id}/accept`)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await database.proxy.cut();
    const outcomes = await during;
    await h.setFaults({});

    const down = await until('not ready', readyz, (r) => r.status === 503, 10_000);
    expect(down.value.body).toMatchObject({ status: 'not_ready', error: { code: 'store_unavailable' } });
    const refused = await h.api(tokens[0]!, 'GET', '/api/me/preferences');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toEqual({ code: 'store_unavailable', message: expect.any(String) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect([201, 503], JSON.stringify(outcome.body)).toContain(outcome.status);
      if (outcome.status === 503) expect(outcome.body.error.code).toBe('store_unavailable');
    }

    await database.proxy.restore();
    const up = await until('ready again', readyz, (r) => r.status === 200, RECOVERY_BOUND_MS);

    // The client retries what failed; everything the person accepted is booked once.
    const finals = [early];
    for (const i of [1, 2, 3]) {
      const retried = outcomes[i - 1]!.status === 503 ? await h.api(tokens[i]!, 'POST', `/api/me/suggestions/${firstBlocks[i]!.id}/accept`) : outcomes[i - 1]!;
      expect([200, 201], JSON.stringify(retried.body)).toContain(retried.status);
      finals.push(retried);
    }
    for (const [i, person] of people.entries()) {
      const state = await suggestionStateRepository(store.db).find(keyOf(tokens[i]!, person.id), firstBlocks[i]!.id);
      expect(state, person.displayName).toMatchObject({ state: 'accepted', eventId: finals[i]!.body.eventId });
      const events = await h.unplugEvents(person.id);
      expect(events.length, person.displayName).toBe(before[i]!.length + 1);
      expect(events.map((e) => e.id)).toContain(finals[i]!.body.eventId);
    }
    const failed = outcomes.filter((o) => o.status === 503).length;
    console.info(`database restart (${database.kind}): not-ready after ${Math.round(down.elapsedMs)} ms, ready again ${Math.round(up.elapsedMs)} ms after restore; ${failed} of 3 in-flight accepts refused (503) and retried; 4 of 4 accepted blocks recorded once, 0 lost`);
  });
});
