import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertGraphPayload, findGraphOperation, graphComponentSchema, validateGraphPayload, type GraphOperationTarget } from '../openapi-contract';
import type { DemoPerson } from '../org';
import type { RunningDemoTenant } from '../standalone';
import { call, graphClient, manualClock, startTestTenant, type CollectionJson, type JsonResponse } from '../test-support';
import { EVENT_PROPERTIES } from './event-json';

/**
 * Every kind of answer the demo Graph gives, and every request these tests send it, checked
 * against the Graph OpenAPI subset in ../shared/graph.
 */
const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
let avery: DemoPerson;
let me: ReturnType<typeof graphClient>;
let app: ReturnType<typeof graphClient>;
const WEEK = 'startDateTime=2025-03-03T00:00:00Z&endDateTime=2025-03-10T00:00:00Z';

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
  avery = demo.tenant.org.people[0]!;
  me = graphClient(demo, (await demo.tenant.graphToken(avery.id)).token);
  // An app granted what these calls document for application permissions (not Unplug's
  // registration, which asks for presence only): what is checked here is the answers' shape.
  app = graphClient(demo, (await demo.tenant.identity.issueApplicationGraphToken(['Calendars.ReadWrite', 'MailboxSettings.Read', 'Presence.ReadWrite.All', 'User.Read.All'])).token);
});
afterAll(() => demo.close());

/** Sends a request whose body must itself conform, and checks the answer against the operation. */
async function conforming(client: typeof me, target: GraphOperationTarget, url: string, init: RequestInit & { json?: unknown } = {}): Promise<JsonResponse<CollectionJson>> {
  if (init.json !== undefined) assertGraphPayload({ ...target, part: 'request' }, init.json);
  const response = await client<CollectionJson>(url, init);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  assertGraphPayload({ ...target, status: response.status }, response.body);
  return response;
}

describe('the contract helper', () => {
  it('knows the event type as the demo does', () => {
    const schema = graphComponentSchema('microsoft.graph.event') as { allOf: Array<{ properties?: object; $ref?: string }> };
    const own = Object.keys(schema.allOf[1]!.properties ?? {});
    const outlookItem = Object.keys((graphComponentSchema('microsoft.graph.outlookItem') as { allOf: Array<{ properties?: object }> }).allOf[1]!.properties ?? {});
    expect([...EVENT_PROPERTIES].sort()).toEqual([...own, ...outlookItem, 'id'].sort());
  });

  it('catches what does not conform, including inside a nullable complex property', () => {
    expect(validateGraphPayload('microsoft.graph.event', { showAs: 'sleeping' }).valid).toBe(false);
    expect(validateGraphPayload('microsoft.graph.event', { start: { dateTime: 9 } }).valid).toBe(false);
    expect(validateGraphPayload('microsoft.graph.event', { start: null, end: { dateTime: '2025-01-01T00:00:00', timeZone: null } }).valid).toBe(true);
    expect(validateGraphPayload('batch.request', { requests: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: 'GET', url: '/me' })) }).valid).toBe(false);
    expect(validateGraphPayload({ path: '/communications/getPresencesByUserId', method: 'post', part: 'request' }, { ids: Array(651).fill('x') }).valid).toBe(false);
    expect(validateGraphPayload({ path: '/me/events', method: 'post', part: 'request' }, { body: { contentType: 'HTML' } }).valid).toBe(true);
    expect(validateGraphPayload('microsoft.graph.itemBody', { contentType: 'HTML' }).valid).toBe(false);
    expect(() => validateGraphPayload('microsoft.graph.nothing', {})).toThrow(/no schema/);
    expect(findGraphOperation('GET', '/users/abc/calendarView?$top=5')).toEqual({ path: '/users/{user-id}/calendarView', method: 'get' });
    expect(findGraphOperation('GET', '/me/drive')).toBeUndefined();
  });
});

describe('demo Graph answers conform', () => {
  it('calendarView pages, whole and with $select, delegated and app-only, for everyone', async () => {
    const first = await conforming(me, { path: '/me/calendarView', method: 'get' }, `/me/calendarView?${WEEK}`);
    expect(first.body['@odata.nextLink']).toBeDefined();
    await conforming(me, { path: '/me/calendarView', method: 'get' }, `/me/calendarView?${WEEK}&$top=5&$select=start,end,showAs,isAllDay,isCancelled,responseStatus,categories,transactionId`);
    for (const person of demo.tenant.org.people) {
      const all = await conforming(app, { path: '/users/{user-id}/calendarView', method: 'get' }, `/users/${person.id}/calendarView?${WEEK}&$top=1000`, { headers: { Prefer: `outlook.timezone="${person.windowsZone ?? 'UTC'}"` } });
      expect(all.body.value.length).toBeGreaterThan(5);
    }
  });

  it('calendarView delta: pages, the delta link, and @removed items', async () => {
    const target = { path: '/me/calendarView/delta', method: 'get' };
    const first = await conforming(me, target, `/me/calendarView/delta?${WEEK}`);
    const token = { headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}` } };
    let page = first;
    while (page.body['@odata.nextLink']) {
      page = await call<CollectionJson>(page.body['@odata.nextLink'], token);
      assertGraphPayload({ ...target, status: 200 }, page.body);
    }
    const removed = first.body.value[0]!.id;
    await me(`/me/events/${encodeURIComponent(removed)}`, { method: 'DELETE' });
    const changes = await call<CollectionJson>(page.body['@odata.deltaLink']!, token);
    expect(changes.body.value).toContainEqual(expect.objectContaining({ '@removed': { reason: 'deleted' } }));
    assertGraphPayload({ ...target, status: 200 }, changes.body);
  });

  it('events: create (delegated and app-only), read, update', async () => {
    const body = { subject: 'Unplugged', showAs: 'busy', isReminderOn: false, categories: ['Unplug'], transactionId: 'contract-1', start: { dateTime: '2025-03-06T10:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2025-03-06T11:00:00', timeZone: 'Pacific Standard Time' } };
    const created = await conforming(me, { path: '/me/events', method: 'post' }, '/me/events', { method: 'POST', json: body });
    await conforming(me, { path: '/me/events', method: 'post' }, '/me/events', { method: 'POST', json: body });
    const allDay = { subject: 'Offsite', isAllDay: true, showAs: 'oof', start: { dateTime: '2025-03-12T00:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-13T00:00:00', timeZone: 'UTC' } };
    await conforming(app, { path: '/users/{user-id}/events', method: 'post' }, `/users/${avery.id}/events`, { method: 'POST', json: allDay });
    const id = encodeURIComponent(String(created.body.id));
    assertGraphPayload('microsoft.graph.event', (await me(`/me/events/${id}`)).body);
    const patch = { showAs: 'tentative' };
    assertGraphPayload('microsoft.graph.event', patch);
    assertGraphPayload('microsoft.graph.event', (await me(`/me/events/${id}`, { method: 'PATCH', json: patch })).body);
  });

  it('mailboxSettings, with a Windows zone and with the custom zone', async () => {
    await conforming(me, { path: '/me/mailboxSettings', method: 'get' }, '/me/mailboxSettings');
    for (const person of demo.tenant.org.people) {
      await conforming(app, { path: '/users/{user-id}/mailboxSettings', method: 'get' }, `/users/${person.id}/mailboxSettings`);
    }
  });

  it('presence: get, get many, and the three actions (which answer 200 without a body)', async () => {
    await conforming(me, { path: '/me/presence', method: 'get' }, '/me/presence');
    await conforming(app, { path: '/users/{user-id}/presence', method: 'get' }, `/users/${avery.id}/presence`);
    await conforming(app, { path: '/communications/presences/{presence-id}', method: 'get' }, `/communications/presences/${avery.id}`);
    const ids = [...demo.tenant.org.people.map((p) => p.id), '00000000-0000-0000-0000-000000000001'];
    await conforming(app, { path: '/communications/getPresencesByUserId', method: 'post' }, '/communications/getPresencesByUserId', { method: 'POST', json: { ids } });
    await conforming(app, { path: '/users/{user-id}/presence/setUserPreferredPresence', method: 'post' }, `/users/${avery.id}/presence/setUserPreferredPresence`, { method: 'POST', json: { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expirationDuration: 'PT1H' } });
    const status = { statusMessage: { message: { content: 'Unplugged until 15:30', contentType: 'text' }, expiryDateTime: { dateTime: '2025-03-05T15:30:00', timeZone: 'Pacific Standard Time' } } };
    await conforming(app, { path: '/users/{user-id}/presence/setStatusMessage', method: 'post' }, `/users/${avery.id}/presence/setStatusMessage`, { method: 'POST', json: status });
    const withMessage = await conforming(me, { path: '/me/presence', method: 'get' }, '/me/presence');
    expect(withMessage.body.statusMessage).not.toBeNull();
    await conforming(app, { path: '/users/{user-id}/presence/clearUserPreferredPresence', method: 'post' }, `/users/${avery.id}/presence/clearUserPreferredPresence`, { method: 'POST' });
  });

  it('$batch: the request and response envelopes, and every part by its own operation', async () => {
    const request = {
      requests: [
        { id: '1', method: 'GET', url: `/me/calendarView?${WEEK}&$select=start,end,showAs`, headers: { Prefer: 'outlook.timezone="UTC"' } },
        { id: '2', method: 'GET', url: '/me/mailboxSettings' },
        { id: '3', method: 'GET', url: '/me/presence' },
        { id: '4', method: 'POST', url: '/me/events', dependsOn: ['3'], headers: { 'Content-Type': 'application/json' }, body: { subject: 'Unplugged', start: { dateTime: '2025-03-07T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-07T10:00:00', timeZone: 'UTC' } } },
        { id: '5', method: 'GET', url: '/me/calendarView' },
        { id: '6', method: 'GET', url: '/me/presence', dependsOn: ['5'] },
      ],
    };
    const response = await conforming(me, { path: '/$batch', method: 'post' }, '/$batch', { method: 'POST', json: request });
    for (const part of response.body.responses as Array<{ id: string; status: number; body?: unknown }>) {
      const sent = request.requests.find((r) => r.id === part.id)!;
      const operation = findGraphOperation(sent.method, sent.url)!;
      expect(operation, sent.url).toBeDefined();
      if (sent.body) assertGraphPayload({ ...operation, part: 'request' }, sent.body);
      assertGraphPayload({ ...operation, status: part.status }, part.body);
    }
    expect((response.body.responses as Array<{ status: number }>).map((r) => r.status).sort()).toEqual([200, 200, 200, 201, 400, 424]);
  });
});

describe('demo Graph errors conform', () => {
  it('every error status, in requests and in batch parts', async () => {
    const bare = graphClient(demo, 'not-a-token');
    const errors: JsonResponse[] = [
      await me('/me/calendarView'), // 400
      await bare('/me'), // 401
      await me(`/users/${demo.tenant.org.people[1]!.id}/presence`), // 403
      await app('/users/00000000-0000-0000-0000-000000000000/presence'), // 404
      await me('/me/events/AAMkADnope='), // 404
      await me('/me/presence', { method: 'DELETE' }), // 405
      await me('/$batch', { method: 'POST', json: { requests: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: 'GET', url: '/me' })) } }), // 400
    ];
    demo.tenant.setFaults({ rate429: 1 });
    errors.push(await me('/me/presence'));
    demo.tenant.setFaults({ rate429: 0, rate503: 1 });
    errors.push(await me('/me/presence'));
    demo.tenant.setFaults({ rate503: 0 });
    expect(errors.map((e) => e.status)).toEqual([400, 401, 403, 404, 404, 405, 400, 429, 503]);
    for (const error of errors) assertGraphPayload('odata.error', error.body);
    assertGraphPayload({ path: '/$batch', method: 'post', status: 400 }, errors[6]!.body);
    assertGraphPayload({ path: '/me/calendarView', method: 'get', status: 400 }, errors[0]!.body);
  });
});
