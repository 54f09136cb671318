import { beforeEach, describe, expect, it } from 'vitest';
import { ConsentRequiredError } from './errors';
import { loadGraphContract } from './graph-contract';
import { clearAppPresence, getPresencesByUserId, isoMinutes, setAppPresence, setStatusMessage } from './presence';
import { TEST_GRAPH_TOKEN, testGraphHttp } from './test-graph';
import { useFakeGraph } from './use-fake-graph';

const contract = loadGraphContract();
const fake = useFakeGraph();
beforeEach(() => {
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

  const APP_ID = '22553876-f5ab-4529-bffb-cfe50aa89f87';

  it.each([
    ['DoNotDisturb', 90, { sessionId: APP_ID, availability: 'DoNotDisturb', activity: 'Presenting', expirationDuration: 'PT1H30M' }],
    ['Busy', 2, { sessionId: APP_ID, availability: 'Busy', activity: 'InACall', expirationDuration: 'PT5M' }],
    ['Offline', 480, { sessionId: APP_ID, availability: 'Away', activity: 'Away', expirationDuration: 'PT4H' }],
    ['BeRightBack', 30, { sessionId: APP_ID, availability: 'Away', activity: 'Away', expirationDuration: 'PT30M' }],
  ] as const)("sets the app's presence session for %s (never the person's preferred presence), 5 min to 4 h", async (presence, minutes, body) => {
    await setAppPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1', APP_ID, presence, minutes);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/users/u1/presence/setPresence', body });
    expectContract();
  });

  it("clears the app's presence session only, and takes Graph's 404 for a session already gone", async () => {
    await clearAppPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1', APP_ID);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/users/u1/presence/clearPresence', body: { sessionId: APP_ID } });
    expectContract();
    fake.handle(() => ({ status: 404, body: { error: { code: 'NotFound', message: 'The presence session does not exist.' } } }));
    await expect(clearAppPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1', APP_ID)).resolves.toBeUndefined();
    fake.handle(() => ({ status: 400, body: { error: { code: 'BadRequest', message: 'Invalid sessionId.' } } }));
    await expect(clearAppPresence(testGraphHttp(fake.root, { kind: 'app' }).http, 'u1', APP_ID)).rejects.toMatchObject({ status: 400 });
  });

  it('writes durations in ISO 8601', () => {
    expect([isoMinutes(15), isoMinutes(60), isoMinutes(61)]).toEqual(['PT15M', 'PT1H', 'PT1H1M']);
    expect(() => isoMinutes(0)).toThrow(RangeError);
  });
});
