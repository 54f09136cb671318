import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../org';
import type { RunningDemoTenant } from '../standalone';
import { expectGraphError, graphClient, manualClock, startTestTenant } from '../test-support';

interface Part { id: string; status: number; headers?: Record<string, string>; body?: { id?: string; value?: Array<{ id: string }>; workingHours?: { timeZone: unknown }; error?: { code: string } } }
type BatchBody = { responses: Part[] };

const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
let avery: DemoPerson;
let graph: ReturnType<typeof graphClient>;
const WEEK = 'startDateTime=2025-03-03T00:00:00Z&endDateTime=2025-03-10T00:00:00Z';

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
  avery = demo.tenant.org.people[0]!;
  graph = graphClient(demo, (await demo.tenant.graphToken(avery.id)).token);
});
afterAll(() => demo.close());
beforeEach(() => {
  demo.tenant.setFaults({ latencyMs: 0, rate429: 0, rate503: 0, retryAfterSeconds: 1, batchParts: true });
  demo.tenant.resetStats();
});

const batch = (requests: unknown[]) => graph<BatchBody>('/$batch', { method: 'POST', json: { requests } });
const byId = (body: BatchBody) => new Map(body.responses.map((r) => [r.id, r]));

describe('$batch', () => {
  it('loads a tab in one request: calendarView, mailboxSettings and presence as three parts', async () => {
    const response = await batch([
      { id: 'calendar', method: 'GET', url: `/me/calendarView?${WEEK}&$top=100&$select=start,end,showAs`, headers: { Prefer: 'outlook.timezone="UTC"' } },
      { id: 'mailbox', method: 'GET', url: '/me/mailboxSettings' },
      { id: 'presence', method: 'GET', url: 'me/presence' },
    ]);
    expect(response.status).toBe(200);
    const parts = byId(response.body);
    expect([...parts.keys()].sort()).toEqual(['calendar', 'mailbox', 'presence']);
    expect(parts.get('calendar')).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringContaining('application/json'), 'Preference-Applied': 'outlook.timezone="UTC"' } });
    expect(parts.get('calendar')!.body!.value!.length).toBeGreaterThan(20);
    expect(parts.get('mailbox')!.body!.workingHours!.timeZone).toEqual({ name: 'Pacific Standard Time' });
    expect(parts.get('presence')!.body!.id).toBe(avery.id);
    expect(demo.tenant.stats()).toMatchObject({ graphRequests: 1, graphSubRequests: 3 });
  });

  it('refuses more than 20 requests, and malformed envelopes, as a whole', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await batch(twenty)).status).toBe(200);
    demo.tenant.resetStats();
    expectGraphError(await batch([...twenty, { id: '20', method: 'GET', url: '/me' }]), 400, 'BadRequest');
    expect(demo.tenant.stats()).toMatchObject({ graphRequests: 1, graphSubRequests: 0 });
    expectGraphError(await batch([{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }]), 400, 'BadRequest');
    expectGraphError(await batch([{ id: '1', method: 'FETCH', url: '/me' }]), 400, 'BadRequest');
    expectGraphError(await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }]), 400, 'BadRequest');
    expectGraphError(await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] }]), 400, 'BadRequest');
    expectGraphError(await graph('/$batch', { method: 'POST', json: { nothing: true } }), 400, 'BadRequest');
    expectGraphError(await graph('/$batch'), 405, 'Request_BadRequest');
  });

  it('runs a part after what it dependsOn, and answers 424 when a dependency failed', async () => {
    const event = { subject: 'Unplugged', categories: ['Unplug'], transactionId: 'batch-tx', start: { dateTime: '2025-03-07T20:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-07T21:00:00', timeZone: 'UTC' } };
    const response = await batch([
      { id: 'view', method: 'GET', url: '/me/calendarView?startDateTime=2025-03-07T20:00:00Z&endDateTime=2025-03-07T21:00:00Z&$select=categories', dependsOn: ['create'] },
      { id: 'create', method: 'POST', url: '/me/events', headers: { 'Content-Type': 'application/json' }, body: event },
      { id: 'broken', method: 'GET', url: '/me/nowhere' },
      { id: 'after-broken', method: 'GET', url: '/me', dependsOn: ['broken'] },
      { id: 'after-that', method: 'GET', url: '/me', dependsOn: ['after-broken'] },
    ]);
    const parts = byId(response.body);
    expect(parts.get('create')!.status).toBe(201);
    expect(parts.get('view')!.body!.value!.map((e) => e.id)).toContain(parts.get('create')!.body!.id);
    expect(parts.get('broken')).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
    expect(parts.get('after-broken')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
    expect(parts.get('after-that')!.status).toBe(424);
    const order = response.body.responses.map((r) => r.id);
    expect(order.indexOf('create')).toBeLessThan(order.indexOf('view'));
    expect(demo.tenant.stats()).toMatchObject({ graphRequests: 1, graphSubRequests: 5 });
  });

  it('answers each part with its own status, headers and body', async () => {
    const mateo = demo.tenant.org.people[1]!;
    const response = await batch([
      { id: 'mine', method: 'GET', url: '/me/presence' },
      { id: 'theirs', method: 'GET', url: `/users/${mateo.id}/presence` },
      { id: 'no-type', method: 'POST', url: '/me/events', body: { subject: 'x' } },
      { id: 'absolute', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
      { id: 'nested', method: 'POST', url: '/$batch', headers: { 'content-type': 'application/json' }, body: { requests: [] } },
      { id: 'gone', method: 'DELETE', url: '/me/events/AAMkADnope=' },
    ]);
    const parts = byId(response.body);
    expect(parts.get('mine')!.status).toBe(200);
    expect(parts.get('theirs')).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied', innerError: { 'request-id': expect.any(String) } } } });
    expect(parts.get('no-type')!.status).toBe(400);
    expect(parts.get('absolute')!.status).toBe(400);
    expect(parts.get('nested')!.status).toBe(400);
    expect(parts.get('gone')).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
  });

  it('lets parts fail on their own with an injected 429 and Retry-After, while the batch answers 200', async () => {
    demo.tenant.setFaults({ rate429: 0.5, retryAfterSeconds: 2 });
    const requests = Array.from({ length: 10 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    let response = await batch(requests);
    for (let tries = 0; response.status !== 200 && tries < 20; tries++) response = await batch(requests);
    expect(response.status).toBe(200);
    const throttled = response.body.responses.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.length).toBeLessThan(10);
    expect(throttled[0]).toMatchObject({ headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests' } } });

    demo.tenant.setFaults({ batchParts: false });
    let spared = await batch(requests);
    for (let tries = 0; spared.status !== 200 && tries < 20; tries++) spared = await batch(requests);
    expect(spared.status).toBe(200);
    expect(spared.body.responses.every((r) => r.status === 200)).toBe(true);
  });
});
