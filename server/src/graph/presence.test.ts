import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConsentRequiredError } from './errors';
import { startFakeGraph, type FakeGraph } from './fake-graph';
import { loadGraphContract } from './graph-contract';
import { clearUserPreferredPresence, getPresencesByUserId, isoMinutes, setStatusMessage, setUserPreferredPresence } from './presence';
import { TEST_GRAPH_TOKEN, testGraphHttp } from './test-graph';

const contract = loadGraphContract();
let fake: FakeGraph;
beforeAll(async () => {
  fake = await startFakeGraph();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.handle((request) => request.url === '/communications/getPresencesByUserId'
    ? { status: 200, body: { value: (request.body as { ids: string[] }).ids.map((id) => ({ id, availability: 'Available', activity: 'Available' })) } }
    : { status: 200 });
});

function expectContract(): void {
  for (const request of fake.requests) expect(contract.problems(request)).toEqual([]);
}

describe('getPresencesByUserId', () => {
  it('asks in chunks of at most 650 ids, once per id', async () => {
    const ids = Array.from({ length: 1400 }, (_, i) => `user-${i}`);
    const { http } = testGraphHttp(fake.root, { kind: 'app' });
    const presences = await getPresencesByUserId(http, [...ids, 'user-0', 'user-1']);
    expect(presences).toHaveLength(1400);
    expect(presences[1399]).toEqual({ userId: 'user-1399', availability: 'Available', activity: 'Available' });
    expect(fake.requests.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([650, 650, 100]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TEST_GRAPH_TOKEN}`)).toBe(true);
    expectContract();
  });

  it('makes no call for no ids', async () => {
    await expect(getPresencesByUserId(testGraphHttp(fake.root, { kind: 'app' }).http, [])).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('reports missing admin consent as an application consent error', async () => {
    fake.handle(() => ({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } }));
    const error = await getPresencesByUserId(testGraphHttp(fake.root, { kind: 'app' }).http, ['u']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ permissionType: 'application' });
  });
});

describe('status and preferred presence (app-only, person in the path)', () => {
  it('sets an expiring status message', async () => {
    await setStatusMessage(testGraphHttp(fake.root, { kind: 'app' }).http, 'user 1/x', { message: 'Unplugged until 15:30 — urgent? call me', expiresAt: Date.parse('2025-03-10T15:30:00Z') });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      url: '/users/user%201%2Fx/presence/setStatusMessage',
      body: { statusMessage: { message: { content: 'Unplugged until 15:30 — urgent? call me', contentType: 'text' }, expiryDateTime: { dateTime: '2025-03-10T15:30:00.000', timeZone: 'UTC' } } },
    });
    expectContract();
  });

  it.each([
    ['DoNotDisturb', 90, { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expirationDuration: 'PT1H30M' }],
    ['Offline', 480, { availability: 'Offline', activity: 'OffWork', expirationDuration: 'PT8H' }],
    ['Away', undefined, { availability: 'Away', activity: 'Away' }],
  ] as const)('sets the preferred presence %s', async (availability, minutes, body) => {
    await setUserPreferredPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1', availability, minutes);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/users/u1/presence/setUserPreferredPresence', body });
    expectContract();
  });

  it('clears the preferred presence with an empty POST', async () => {
    await clearUserPreferredPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1');
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/users/u1/presence/clearUserPreferredPresence', body: undefined });
    expectContract();
  });

  it('writes durations in ISO 8601', () => {
    expect([isoMinutes(15), isoMinutes(60), isoMinutes(61)]).toEqual(['PT15M', 'PT1H', 'PT1H1M']);
    expect(() => isoMinutes(0)).toThrow(RangeError);
  });
});
