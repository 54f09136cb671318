import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID } from '../constants';
import type { DemoPerson } from '../org';
import type { RunningDemoTenant } from '../standalone';
import { SEED_NOW, call, expectGraphError, graphClient, manualClock, startTestTenant, type CollectionJson, type EventJson, type JsonResponse } from '../test-support';

type Events = CollectionJson;

const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
let avery: DemoPerson;
let mateo: DemoPerson;
let graph: ReturnType<typeof graphClient>;
const WEEK = 'startDateTime=2025-03-03T00:00:00Z&endDateTime=2025-03-10T00:00:00Z';

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
  [avery, mateo] = demo.tenant.org.people as [DemoPerson, DemoPerson];
  graph = graphClient(demo, (await demo.tenant.graphToken(avery.id)).token);
});
afterAll(() => demo.close());
beforeEach(() => {
  demo.tenant.setFaults({ latencyMs: 0, rate429: 0, rate503: 0, retryAfterSeconds: 1, batchParts: true, duplicateTransactionId: 'existing' });
  demo.tenant.resetStats();
  clock.set(Date.parse('2025-03-05T17:00:00Z'));
});

async function allPages(first: JsonResponse<Events>, headers: Record<string, string> = {}): Promise<EventJson[]> {
  const items = [...first.body.value];
  let next = first.body['@odata.nextLink'];
  while (next) {
    const page = await call<Events>(next, { headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}`, ...headers } });
    expect(page.status).toBe(200);
    items.push(...page.body.value);
    next = page.body['@odata.nextLink'];
  }
  return items;
}

describe('tokens and access', () => {
  it('needs a valid bearer token for Graph\'s audience', async () => {
    expectGraphError(await call(`${demo.graphBaseUrl}/me`), 401, 'InvalidAuthenticationToken');
    const expired = await demo.tenant.graphToken(avery.id, -60);
    expectGraphError(await graphClient(demo, expired.token)('/me'), 401, 'InvalidAuthenticationToken');
    const sso = await demo.tenant.ssoToken(avery.id);
    const wrongAudience = await graphClient(demo, sso.token)('/me');
    expectGraphError(wrongAudience, 401, 'InvalidAuthenticationToken');
    expect(wrongAudience.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('lets a delegated token read its own mailbox only', async () => {
    const me = await graph('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: avery.id, displayName: avery.displayName, userPrincipalName: avery.userPrincipalName });
    expect((await graph(`/users/${avery.userPrincipalName}`)).body.id).toBe(avery.id);
    expectGraphError(await graph(`/users/${mateo.id}`), 403, 'ErrorAccessDenied');
    expectGraphError(await graph(`/users/${mateo.id}/calendarView?${WEEK}`), 403, 'ErrorAccessDenied');
    expectGraphError(await graph(`/users/${mateo.id}/presence`), 403, 'ErrorAccessDenied');
  });

  it("gives the app only what aad.manifest.json asks for: anyone's presence, no mailbox, not /me", async () => {
    const app = graphClient(demo, (await demo.tenant.appToken()).token);
    expect((await app(`/users/${mateo.id}/presence`)).status).toBe(200);
    expectGraphError(await app(`/users/${mateo.id}/mailboxSettings`), 403, 'ErrorAccessDenied');
    expectGraphError(await app(`/users/${mateo.id}/calendarView?${WEEK}`), 403, 'ErrorAccessDenied');
    expectGraphError(await app('/me'), 400, 'BadRequest');
    expectGraphError(await app('/users/00000000-0000-0000-0000-000000000000'), 403, 'Authorization_RequestDenied');
    expectGraphError(await app('/users/00000000-0000-0000-0000-000000000000/presence'), 404, 'ErrorInvalidUser');
    // An app granted what Graph documents for the call reads anyone's mailbox.
    const reader = graphClient(demo, (await demo.tenant.identity.issueApplicationGraphToken(['MailboxSettings.Read', 'Calendars.Read', 'User.Read.All'])).token);
    expect((await reader(`/users/${mateo.id}/mailboxSettings`)).status).toBe(200);
    expect((await reader(`/users/${mateo.id}/calendarView?${WEEK}`)).status).toBe(200);
    expectGraphError(await reader('/users/00000000-0000-0000-0000-000000000000'), 404, 'Request_ResourceNotFound');
  });

  it('refuses what the token has no permission for', async () => {
    const noRoles = await demo.tenant.identity.issueApplicationGraphToken([]);
    // Presence (cloud communications) answers Forbidden with an empty message (see refusalFor).
    const refused = await graphClient(demo, noRoles.token)(`/users/${mateo.id}/presence`);
    expectGraphError(refused, 403, 'Forbidden');
    const readOnly = await demo.tenant.identity.issueDelegatedGraphToken(avery, ['Calendars.Read']);
    const ro = graphClient(demo, readOnly.token);
    expect((await ro(`/me/calendarView?${WEEK}`)).status).toBe(200);
    expectGraphError(await ro('/me/events', { method: 'POST', json: { start: { dateTime: '2025-03-06T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-06T11:00:00', timeZone: 'UTC' } } }), 403, 'ErrorAccessDenied');
  });

  it('answers unknown paths and methods in Graph\'s shape', async () => {
    expectGraphError(await graph('/me/drive'), 400, 'BadRequest');
    expectGraphError(await graph('/me/mailboxSettings', { method: 'DELETE' }), 405, 'Request_BadRequest');
  });
});

describe('calendarView', () => {
  it('requires the time window', async () => {
    expectGraphError(await graph('/me/calendarView'), 400, 'ErrorInvalidParameter');
    expectGraphError(await graph('/me/calendarView?startDateTime=2025-03-03T00:00:00Z'), 400, 'ErrorInvalidParameter');
    expectGraphError(await graph('/me/calendarView?startDateTime=soon&endDateTime=later'), 400, 'ErrorInvalidParameter');
  });

  it('pages by 10 with @odata.nextLink; following the links gives every event of the window once', async () => {
    const first = await graph<Events>(`/me/calendarView?${WEEK}`);
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(new RegExp(`^${demo.graphBaseUrl.replace(/[.]/g, '\\.')}/me/calendarView\\?.*\\$skip=10`));
    const all = await allPages(first);
    const expected = demo.tenant.calendars.list(avery, Date.parse('2025-03-03T00:00:00Z'), Date.parse('2025-03-10T00:00:00Z'));
    expect(all.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(all.length).toBeGreaterThan(20);
  });

  it('honours $top and $select (only the selected properties, id and the etag)', async () => {
    const response = await graph<Events>(`/me/calendarView?${WEEK}&$top=50&$select=start,end,showAs,isAllDay,isCancelled,responseStatus,categories`);
    expect(response.body.value.length).toBeGreaterThan(20);
    for (const e of response.body.value) {
      expect(Object.keys(e).sort()).toEqual(['@odata.etag', 'categories', 'end', 'id', 'isAllDay', 'isCancelled', 'responseStatus', 'showAs', 'start']);
    }
    expectGraphError(await graph(`/me/calendarView?${WEEK}&$select=start,colour`), 400, 'RequestBroker--ParseUri');
    expectGraphError(await graph(`/me/calendarView?${WEEK}&$top=0`), 400, 'BadRequest');
  });

  it('gives start and end in UTC by default, and in the Prefer zone (Windows or IANA) when asked', async () => {
    const utc = await graph<Events>(`/me/calendarView?${WEEK}&$top=1`);
    expect(utc.body.value[0]!.start).toEqual({ dateTime: '2025-03-03T16:30:00.0000000', timeZone: 'UTC' });
    expect(utc.headers.get('preference-applied')).toBeNull();
    const pacific = await graph<Events>(`/me/calendarView?${WEEK}&$top=1`, { headers: { prefer: 'outlook.timezone="Pacific Standard Time"' } });
    expect(pacific.body.value[0]!.start).toEqual({ dateTime: '2025-03-03T08:30:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(pacific.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    const tokyo = await graph<Events>(`/me/calendarView?${WEEK}&$top=1`, { headers: { prefer: 'outlook.timezone="Asia/Tokyo"' } });
    expect(tokyo.body.value[0]!.start).toEqual({ dateTime: '2025-03-04T01:30:00.0000000', timeZone: 'Asia/Tokyo' });
  });

  it('reads the query window as UTC unless it carries an offset (Prefer does not move it)', async () => {
    const offset = await graph<Events>('/me/calendarView?startDateTime=2025-03-03T08:00:00-08:00&endDateTime=2025-03-03T09:00:00-08:00', { headers: { prefer: 'outlook.timezone="UTC"' } });
    expect(offset.body.value.map((e) => e.start.dateTime)).toContain('2025-03-03T16:30:00.0000000');
  });

  it('keeps all-day events on their dates whatever the zone', async () => {
    const liam = demo.tenant.org.people[11]!;
    const app = graphClient(demo, (await demo.tenant.identity.issueApplicationGraphToken(['Calendars.Read'])).token);
    const response = await app<Events>(`/users/${liam.id}/calendarView?${WEEK}&$top=100`, { headers: { prefer: 'outlook.timezone="Pacific Standard Time"' } });
    const oof = response.body.value.find((e) => e.isAllDay);
    expect(oof).toMatchObject({ showAs: 'oof', start: { dateTime: '2025-03-05T00:00:00.0000000', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2025-03-06T00:00:00.0000000' } });
  });
});

describe('mailboxSettings', () => {
  it('gives working hours with a Windows zone name', async () => {
    const response = await graph('/me/mailboxSettings');
    expect(response.body).toMatchObject({ timeZone: 'Pacific Standard Time', workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Pacific Standard Time' } } });
  });

  it('honours $select, and serves the two documented sub-resources Unplug reads', async () => {
    const picked = await graph('/me/mailboxSettings?$select=timeZone,workingHours');
    expect(Object.keys(picked.body).filter((k) => !k.startsWith('@odata.')).sort()).toEqual(['timeZone', 'workingHours']);
    expectGraphError(await graph('/me/mailboxSettings?$select=nope'), 400, 'RequestBroker--ParseUri');
    const hours = await graph('/me/mailboxSettings/workingHours');
    expect(hours.body).toMatchObject({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', timeZone: { name: 'Pacific Standard Time' } });
    expect(hours.body).not.toHaveProperty('automaticRepliesSetting');
    expect((await graph('/me/mailboxSettings/timeZone')).body).toMatchObject({ value: 'Pacific Standard Time' });
  });

  it('gives the custom zone with its rules for the person who has one', async () => {
    const sofia = demo.tenant.org.people.find((p) => p.zone.kind === 'custom')!;
    const response = await graphClient(demo, (await demo.tenant.graphToken(sofia.id)).token)('/me/mailboxSettings');
    expect((response.body.workingHours as Record<string, unknown>).timeZone).toEqual({
      '@odata.type': '#microsoft.graph.customTimeZone', bias: -120, name: 'Customized Time Zone',
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
      daylightOffset: { time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0, daylightBias: -60 },
    });
  });
});

describe('events', () => {
  const block = (transactionId: string, hour = 13) => ({
    subject: 'Unplugged', showAs: 'busy', isReminderOn: false, categories: ['Unplug'], transactionId,
    start: { dateTime: `2025-03-06T${hour}:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `2025-03-06T${hour}:45:00`, timeZone: 'Pacific Standard Time' },
  });

  it('creates an event that keeps showAs, reminders and categories, and shows up in calendarView', async () => {
    const created = await graph('/me/events', { method: 'POST', json: block('tx-create') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subject: 'Unplugged', showAs: 'busy', isReminderOn: false, categories: ['Unplug'], transactionId: 'tx-create', start: { dateTime: '2025-03-06T13:00:00.0000000', timeZone: 'Pacific Standard Time' } });
    const view = await graph<Events>('/me/calendarView?startDateTime=2025-03-06T21:00:00Z&endDateTime=2025-03-06T22:00:00Z');
    expect(view.body.value.map((e) => e.id)).toContain(created.body.id);
  });

  it('returns the same event (201) when a transactionId repeats, and creates no second one', async () => {
    const first = await graph('/me/events', { method: 'POST', json: block('tx-repeat', 14) });
    const again = await graph('/me/events', { method: 'POST', json: block('tx-repeat', 14) });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const view = await graph<Events>('/me/calendarView?startDateTime=2025-03-06T22:00:00Z&endDateTime=2025-03-06T23:00:00Z&$top=100');
    expect(view.body.value.filter((e) => e.transactionId === 'tx-repeat')).toHaveLength(1);
  });

  it('answers a repeated transactionId with ErrorDuplicateTransactionId when the tenant is set to, still with one event', async () => {
    demo.tenant.setFaults({ duplicateTransactionId: 'error' });
    const first = await graph('/me/events', { method: 'POST', json: block('tx-duplicate', 15) });
    expect(first.status).toBe(201);
    expectGraphError(await graph('/me/events', { method: 'POST', json: block('tx-duplicate', 15) }), 400, 'ErrorDuplicateTransactionId');
    const view = await graph<Events>('/me/calendarView?startDateTime=2025-03-06T23:00:00Z&endDateTime=2025-03-07T00:00:00Z&$top=100&$select=id,transactionId');
    expect(view.body.value.filter((e) => e.transactionId === 'tx-duplicate').map((e) => e.id)).toEqual([first.body.id]);
  });

  it('updates and deletes an event, and refuses to change its transactionId', async () => {
    const created = await graph('/me/events', { method: 'POST', json: block('tx-update', 15) });
    const id = encodeURIComponent(created.body.id as string);
    const patched = await graph(`/me/events/${id}`, { method: 'PATCH', json: { showAs: 'oof', start: { dateTime: '2025-03-06T23:30:00', timeZone: 'UTC' } } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ showAs: 'oof', originalStartTimeZone: 'UTC', start: { dateTime: '2025-03-06T23:30:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2025-03-06T23:45:00.0000000' } });
    expect((await graph(`/me/events/${id}`, { headers: { prefer: 'outlook.timezone="Pacific Standard Time"' } })).body.start).toEqual({ dateTime: '2025-03-06T15:30:00.0000000', timeZone: 'Pacific Standard Time' });
    expectGraphError(await graph(`/me/events/${id}`, { method: 'PATCH', json: { end: { dateTime: '2025-03-06T20:00:00', timeZone: 'UTC' } } }), 400, 'ErrorInvalidRequest');
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
    expectGraphError(await graph(`/me/events/${id}`, { method: 'PATCH', json: { transactionId: 'other' } }), 400, 'ErrorInvalidRequest');
    expect((await graph(`/me/events/${id}`, { method: 'DELETE' })).status).toBe(204);
    expectGraphError(await graph(`/me/events/${id}`), 404, 'ErrorItemNotFound');
    expectGraphError(await graph(`/me/events/${id}`, { method: 'DELETE' }), 404, 'ErrorItemNotFound');
  });

  it('rejects bodies Graph would reject', async () => {
    expectGraphError(await graph('/me/events', { method: 'POST', json: { subject: 'x' } }), 400, 'ErrorInvalidRequest');
    expectGraphError(await graph('/me/events', { method: 'POST', json: { ...block('tx-bad'), colour: 'red' } }), 400, 'RequestBodyRead');
    expectGraphError(await graph('/me/events', { method: 'POST', json: { ...block('tx-bad'), showAs: 'sleeping' } }), 400, 'ErrorInvalidRequest');
    expectGraphError(await graph('/me/events', { method: 'POST', json: { ...block('tx-bad'), start: { dateTime: '2025-03-06T10:00:00', timeZone: 'Mars Standard Time' } } }), 400, 'TimeZoneNotSupportedException');
    expectGraphError(await graph('/me/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }), 400, 'BadRequest');
  });
});

describe('calendarView delta', () => {
  it('pages the first round, then reports only changes, with @removed for deletions', async () => {
    const window = 'startDateTime=2025-03-10T00:00:00Z&endDateTime=2025-03-12T00:00:00Z';
    let page = await graph<Events>(`/me/calendarView/delta?${window}`);
    const seen = [...page.body.value];
    while (page.body['@odata.nextLink']) {
      page = await call<Events>(page.body['@odata.nextLink'], { headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}` } });
      seen.push(...page.body.value);
    }
    expect(seen.map((e) => e.id)).toEqual(demo.tenant.calendars.list(avery, Date.parse('2025-03-10T00:00:00Z'), Date.parse('2025-03-12T00:00:00Z')).map((e) => e.id));
    const deltaLink = page.body['@odata.deltaLink']!;
    expect(deltaLink).toContain('$deltatoken=');

    const nothing = await call<Events>(deltaLink, { headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}` } });
    expect(nothing.body.value).toEqual([]);

    const created = await graph('/me/events', { method: 'POST', json: { subject: 'Unplugged', start: { dateTime: '2025-03-10T20:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-10T21:00:00', timeZone: 'UTC' } } });
    const removed = seen[0]!;
    expect((await graph(`/me/events/${encodeURIComponent(removed.id)}`, { method: 'DELETE' })).status).toBe(204);
    const changes = await call<Events>(nothing.body['@odata.deltaLink']!, { headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}` } });
    expect(changes.body.value).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: created.body.id, subject: 'Unplugged' }),
      { '@odata.type': '#microsoft.graph.event', id: removed.id, '@removed': { reason: 'deleted' } },
    ]));
    expect(changes.body.value).toHaveLength(2);
  });

  it('needs the window on the first call and refuses foreign or broken tokens', async () => {
    expectGraphError(await graph('/me/calendarView/delta'), 400, 'ErrorInvalidParameter');
    expectGraphError(await graph('/me/calendarView/delta?$deltatoken=garbage'), 400, 'ErrorInvalidSyncStateData');
    const mateoToken = (await demo.tenant.graphToken(mateo.id)).token;
    const theirs = await graphClient(demo, mateoToken)<Events>(`/me/calendarView/delta?${WEEK}`);
    const token = new URL(theirs.body['@odata.nextLink']!).searchParams.get('$skiptoken')!;
    expectGraphError(await graph(`/me/calendarView/delta?$skiptoken=${token}`), 400, 'ErrorInvalidSyncStateData');
  });

  it('honours odata.maxpagesize', async () => {
    const page = await graph<Events>(`/me/calendarView/delta?${WEEK}`, { headers: { prefer: 'odata.maxpagesize=3' } });
    expect(page.body.value).toHaveLength(3);
    expect(page.headers.get('preference-applied')).toBe('odata.maxpagesize=3');
  });
});

describe('presence', () => {
  it('reads the person\'s presence, following their calendar', async () => {
    const response = await graph('/me/presence');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: avery.id, availability: expect.any(String), activity: expect.any(String), outOfOfficeSettings: { isOutOfOffice: false } });
    expect(response.body.availability).toBe(demo.tenant.presence.at(avery, clock.now()).availability);
  });

  it('reads many people at once, at most 650 ids', async () => {
    const app = graphClient(demo, (await demo.tenant.appToken()).token);
    const ids = demo.tenant.org.people.map((p) => p.id);
    const unknown = '00000000-0000-0000-0000-000000000001';
    const response = await app<{ value: Array<Record<string, string>> }>('/communications/getPresencesByUserId', { method: 'POST', json: { ids: [...ids, unknown] } });
    expect(response.body.value.map((p) => p.id)).toEqual([...ids, unknown]);
    expect(response.body.value.at(-1)).toMatchObject({ availability: 'PresenceUnknown' });
    const tooMany = Array.from({ length: 651 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    expectGraphError(await app('/communications/getPresencesByUserId', { method: 'POST', json: { ids: tooMany } }), 400, 'BadRequest');
    expect((await app('/communications/getPresencesByUserId', { method: 'POST', json: { ids: tooMany.slice(0, 650) } })).status).toBe(200);
    expectGraphError(await app('/communications/getPresencesByUserId', { method: 'POST', json: { ids: ['avery'] } }), 400, 'BadRequest');
    expect((await app(`/communications/presences/${mateo.id}`)).body).toMatchObject({ id: mateo.id, availability: expect.any(String) });
    expectGraphError(await app(`/communications/presences/${unknown}`), 404, 'ErrorInvalidUser');
  });

  it('sets and clears a preferred presence (seen while the person is signed in) and an expiring status message', async () => {
    const app = graphClient(demo, (await demo.tenant.appToken()).token);
    // Wednesday 09:00 in Seattle: Avery is at work.
    const set = await app(`/users/${avery.id}/presence/setUserPreferredPresence`, { method: 'POST', json: { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expirationDuration: 'PT1H' } });
    expect(set.status).toBe(200);
    expect(set.body).toBeUndefined();
    expect((await graph('/me/presence')).body).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    clock.advance(61 * 60_000);
    expect((await graph('/me/presence')).body.activity).not.toBe('DoNotDisturb');
    clock.advance(-61 * 60_000);
    await app(`/users/${avery.id}/presence/setUserPreferredPresence`, { method: 'POST', json: { availability: 'Busy', activity: 'Busy' } });
    expect((await app(`/users/${avery.id}/presence/clearUserPreferredPresence`, { method: 'POST' })).status).toBe(200);
    expect((await graph('/me/presence')).body.activity).not.toBe('Busy');
    expectGraphError(await app(`/users/${avery.id}/presence/setUserPreferredPresence`, { method: 'POST', json: { availability: 'Available', activity: 'Busy' } }), 400, 'BadRequest');

    const message = { statusMessage: { message: { content: 'Unplugged until 10:00', contentType: 'text' }, expiryDateTime: { dateTime: '2025-03-05T10:00:00', timeZone: 'Pacific Standard Time' } } };
    expect((await app(`/users/${avery.id}/presence/setStatusMessage`, { method: 'POST', json: message })).status).toBe(200);
    expect((await graph('/me/presence')).body.statusMessage).toMatchObject({ message: { content: 'Unplugged until 10:00', contentType: 'text' }, expiryDateTime: { dateTime: '2025-03-05T10:00:00.0000000', timeZone: 'Pacific Standard Time' } });
    clock.set(Date.parse('2025-03-05T18:00:00Z'));
    expect((await graph('/me/presence')).body.statusMessage).toBeNull();
  });

  it("sets and clears the app's own presence session, which never hides the person's own preferred presence", async () => {
    const app = graphClient(demo, (await demo.tenant.appToken()).token);
    const session = (json: Record<string, unknown>) => app(`/users/${avery.id}/presence/setPresence`, { method: 'POST', json: { sessionId: DEMO_CLIENT_ID, ...json } });
    // Wednesday 09:00 in Seattle: Avery is at work.
    const set = await session({ availability: 'DoNotDisturb', activity: 'Presenting', expirationDuration: 'PT1H' });
    expect(set.status).toBe(200);
    expect((await graph('/me/presence')).body).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    // The person picks Be right back in Teams: theirs shows over the app's session.
    demo.tenant.presence.setPreferredPresence(avery, { availability: 'BeRightBack', activity: 'BeRightBack', expiresAt: clock.now() + 3_600_000 });
    expect((await graph('/me/presence')).body).toMatchObject({ availability: 'BeRightBack', activity: 'BeRightBack' });
    const clear = () => app(`/users/${avery.id}/presence/clearPresence`, { method: 'POST', json: { sessionId: DEMO_CLIENT_ID } });
    expect((await clear()).status).toBe(200);
    expect((await graph('/me/presence')).body).toMatchObject({ availability: 'BeRightBack', activity: 'BeRightBack' });
    demo.tenant.presence.clearPreferredPresence(avery);
    expectGraphError(await clear(), 404, 'NotFound');

    // Graph's limits: the app's own id as session id, the five pairs, 5 minutes to 4 hours.
    expectGraphError(await session({ sessionId: '11111111-2222-4333-8444-555555555555', availability: 'Away', activity: 'Away' }), 400, 'BadRequest');
    expectGraphError(await session({ availability: 'Offline', activity: 'OffWork' }), 400, 'BadRequest');
    expectGraphError(await session({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' }), 400, 'BadRequest');
    expectGraphError(await session({ availability: 'Away', activity: 'Away', expirationDuration: 'PT5H' }), 400, 'BadRequest');
    expectGraphError(await session({ availability: 'Away', activity: 'Away', expirationDuration: 'PT1M' }), 400, 'BadRequest');
    // Without an expiry the session lasts five minutes.
    expect((await session({ availability: 'Busy', activity: 'InACall' })).status).toBe(200);
    clock.advance(5 * 60_000);
    expectGraphError(await clear(), 404, 'NotFound');
    clock.advance(-5 * 60_000);
  });

  it('lets a person set their own status message, not someone else\'s', async () => {
    // Delegated setStatusMessage needs Presence.ReadWrite, which Unplug's registration does not ask
    // for (its jobs write as the app): the registration's own delegated token is refused.
    expectGraphError(await graph(`/users/${avery.id}/presence/setStatusMessage`, { method: 'POST', json: { statusMessage: null } }), 403, 'Forbidden');
    const writer = graphClient(demo, (await demo.tenant.identity.issueDelegatedGraphToken(avery, ['Presence.Read', 'Presence.ReadWrite'])).token);
    const message = { statusMessage: { message: { content: 'Heads down', contentType: 'text' } } };
    expect((await writer(`/users/${avery.id}/presence/setStatusMessage`, { method: 'POST', json: message })).status).toBe(200);
    expectGraphError(await writer(`/users/${mateo.id}/presence/setStatusMessage`, { method: 'POST', json: message }), 403, 'ErrorAccessDenied');
    await writer(`/users/${avery.id}/presence/setStatusMessage`, { method: 'POST', json: { statusMessage: null } });
    expect((await writer('/me/presence')).body.statusMessage).toBeNull();
  });
});

describe('stats', () => {
  it('counts every Graph request, failed ones included, and not itself', async () => {
    await graph('/me');
    await graph('/me/nothing');
    await call(`${demo.graphBaseUrl}/me`);
    expect((await call(`${demo.baseUrl}/demo/stats`)).body).toMatchObject({ graphRequests: 3, graphSubRequests: 0 });
    expect((await call(`${demo.baseUrl}/demo/stats`, { method: 'DELETE' })).status).toBe(204);
    expect(demo.tenant.stats()).toMatchObject({ graphRequests: 0 });
  });
});

describe('injected faults', () => {
  it('answers 429 with Retry-After, and 503, and counts them', async () => {
    demo.tenant.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const throttled = await graph('/me');
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBe('3');
    demo.tenant.setFaults({ rate429: 0, rate503: 1 });
    expectGraphError(await graph('/me'), 503, 'ServiceUnavailable');
    expect(demo.tenant.stats()).toMatchObject({ graphRequests: 2, throttled: 1, unavailable: 1 });
  });

  it('adds latency', async () => {
    demo.tenant.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await graph('/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('can be set over HTTP, validated', async () => {
    const set = await call(`${demo.baseUrl}/demo/faults`, { method: 'POST', json: { rate429: 0.3, retryAfterSeconds: 2 } });
    expect(set.body).toMatchObject({ rate429: 0.3, retryAfterSeconds: 2, rate503: 0, latencyMs: 0 });
    expect(demo.tenant.faults().rate429).toBe(0.3);
    expect((await call(`${demo.baseUrl}/demo/faults`, { method: 'POST', json: { rate429: 2 } })).status).toBe(400);
    expect((await call(`${demo.baseUrl}/demo/faults`, { method: 'POST', json: { rate429: 0.7, rate503: 0.7 } })).status).toBe(400);
    expect((await call(`${demo.baseUrl}/demo/faults`, { method: 'POST', json: { mood: 'grumpy' } })).status).toBe(400);
    expect((await call(`${demo.baseUrl}/demo/faults`)).body).toMatchObject({ rate429: 0.3 });
  });
});

describe('a clock in the seed week', () => {
  it('is what the fixtures assume', () => {
    expect(demo.tenant.org.seedNow).toBe(SEED_NOW);
  });
});
