import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackgroundGraph } from './background-gateway';
import { startFakeGraph, type FakeAnswer, type FakeGraph, type RecordedGraphRequest } from './fake-graph';
import { createGraphGateway } from './gateway';
import { DEMO_ONLY_GRAPH_CALLS, findUnplugCall, GRAPH_CALLS, graphCall, grantingPermissions } from './graph-calls';
import { readGraphExample } from './graph-examples';
import { batchParts, TEST_GRAPH_TOKEN } from './test-graph';

/**
 * Every request the gateway sends — each operation of both gateways, `$batch` parts one by one —
 * matches a row of graph-calls.ts, made with the token kind the row says. A new Graph call without
 * its row (or a new gateway operation this test does not run) fails here.
 */
const WEEK = { start: Date.parse('2025-03-10T00:00:00Z'), end: Date.parse('2025-03-17T00:00:00Z') };
const ADA = '6d0c3a36-1111-4c2b-9d8e-000000000001';
const REPEATED = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const person = { kind: 'person' as const, getAccessToken: async () => TEST_GRAPH_TOKEN };
const app = { kind: 'app' as const, getAccessToken: async () => TEST_GRAPH_TOKEN };
let fake: FakeGraph;
const sent: { method: string; url: string; kind: 'delegated' | 'application' }[] = [];

const event = { id: 'e1', start: { dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2025-03-10T10:00:00.0000000', timeZone: 'UTC' }, showAs: 'busy', isAllDay: false, isCancelled: false, responseStatus: { response: 'accepted' }, categories: [] };
const mailbox = readGraphExample('mailboxsettings-response.json') as { workingHours: object; timeZone: string };

function answer(method: string, url: string, body?: unknown): FakeAnswer {
  const path = url.split('?')[0]!;
  if (path.endsWith('/calendarView/delta')) return { status: 200, body: { value: [event], '@odata.deltaLink': `${fake.root}/me/calendarView/delta?$deltatoken=next` } };
  if (path.endsWith('/calendarView')) return { status: 200, body: { value: [event, { ...event, id: 'booked', transactionId: REPEATED }] } };
  if (path.endsWith('/mailboxSettings/workingHours')) return { status: 200, body: mailbox.workingHours };
  if (path.endsWith('/mailboxSettings/timeZone')) return { status: 200, body: { value: mailbox.timeZone } };
  if (path === '/me/presence') return { status: 200, body: readGraphExample('presence-get-user-response.json') };
  if (path.endsWith('/getPresencesByUserId')) return { status: 200, body: { value: [{ id: ADA, availability: 'Available', activity: 'Available', statusMessage: null }] } };
  if (path === '/me/checkMemberGroups') return { status: 200, body: { value: [] } };
  if (method === 'POST' && path === '/me/events') {
    // A repeated transactionId: Exchange may refuse it, and Unplug looks the event up (calendarView).
    if ((body as { transactionId?: string } | undefined)?.transactionId === REPEATED) {
      return { status: 400, body: { error: { code: 'ErrorDuplicateTransactionId', message: 'The TransactionId specified in the request has already been used to create a different event.' } } };
    }
    return { status: 201, body: { ...event, id: 'created' } };
  }
  if (method === 'DELETE' && path.startsWith('/me/events/')) return { status: 204 };
  if (path.endsWith('/teamwork/sendActivityNotification')) return { status: 204 };
  return { status: 200 };
}

beforeAll(async () => {
  fake = await startFakeGraph();
  fake.handle((request: RecordedGraphRequest) => {
    // The token kind is filled in by the run that sent it (see track below).
    const kind = 'delegated' as const;
    if (request.url === '/$batch') {
      const parts = batchParts(request);
      for (const part of parts) sent.push({ method: part.method, url: part.url, kind });
      return { status: 200, body: { responses: parts.map((p) => ({ id: p.id, ...answer(p.method, p.url, p.body) })) } };
    }
    sent.push({ method: request.method, url: request.url, kind });
    return answer(request.method, request.url, request.body);
  });
});
afterAll(() => fake.close());

describe('the Graph calls Unplug makes', () => {
  it('all have a row in graph-calls.ts, made with the token kind the row names', async () => {
    const options = { root: fake.root, retry: { sleep: async () => {} }, appId: '11111111-2222-3333-4444-555555555555' };
    const tab = createGraphGateway(options);
    const jobs = createBackgroundGraph(options);
    const ran = new Set<string>();
    const track = async (name: string, kind: 'delegated' | 'application', run: () => Promise<unknown>) => {
      ran.add(name);
      const before = sent.length;
      await run();
      for (const s of sent.slice(before)) s.kind = kind;
    };
    const me = person;
    const job = app;
    await track('loadTabData', 'delegated', () => tab.loadTabData(me, WEEK));
    const block = { start: WEEK.start, end: WEEK.start + 3_600_000, subject: 'Unplugged', showAs: 'busy' as const };
    await track('createBlockEvent', 'delegated', async () => {
      await tab.createBlockEvent(me, { ...block, transactionId: '0f8fad5b-d9cb-469f-a165-70867728950e' });
      expect(await tab.createBlockEvent(me, { ...block, transactionId: REPEATED })).toEqual({ eventId: 'booked' });
    });
    await track('deleteBlockEvent', 'delegated', () => tab.deleteBlockEvent(me, 'created'));
    await track('calendarDelta', 'delegated', async () => {
      const first = await tab.calendarDelta(me, { window: WEEK });
      await tab.calendarDelta(me, { deltaLink: first.deltaLink });
    });
    for (const g of [tab, jobs]) {
      await track('getPresencesByUserId', 'application', () => g.getPresencesByUserId(job, [ADA]));
      await track('setStatusMessage', 'application', () => g.setStatusMessage(job, ADA, { message: 'Unplugged', expiresAt: WEEK.end }));
    }
    await track('setAppPresence', 'application', () => jobs.setAppPresence(job, ADA, 'DoNotDisturb', 60));
    await track('clearAppPresence', 'application', () => jobs.clearAppPresence(job, ADA));
    await track('isTeamMember', 'delegated', () => tab.isTeamMember(me, '0b2d5d5e-51f5-4c5e-9d52-3c3a3f0f4a11'));
    await track('getPresenceStatuses', 'application', () => jobs.getPresenceStatuses(job, [ADA]));
    await track('clearStatusMessage', 'application', () => jobs.clearStatusMessage(job, ADA));
    await track('sendActivityNotification', 'application', () => jobs.sendActivityNotification(job, ADA, {
      activityType: 'longDay', topic: 'Unplug', webUrl: 'https://teams.microsoft.com/l/entity/x/unplug', previewText: 'Connected 8 h today.', templateParameters: { hours: '8 h' },
    }));

    // Every operation of both gateways ran: a new one must be added above (and its calls to the table).
    expect([...ran].sort()).toEqual([...new Set([...Object.keys(tab), ...Object.keys(jobs)])].sort());

    const rowsUsed = new Set<string>();
    for (const request of sent) {
      const row = findUnplugCall(request.method, request.url);
      expect(row, `${request.method} ${request.url} has no row in graph-calls.ts`).toBeDefined();
      expect(row!.usedWith, `${request.method} ${request.url}`).toContain(request.kind);
      expect(grantingPermissions(row!, request.kind).length, `${row!.name} is not supported with ${request.kind} tokens`).toBeGreaterThan(0);
      rowsUsed.add(row!.name);
    }
    // And no row of Unplug's own calls is stale: each was sent.
    expect([...rowsUsed].sort()).toEqual(GRAPH_CALLS.map((r) => r.name).sort());
  });

  it('never include the whole mailboxSettings, nor a presence subscription', () => {
    expect(findUnplugCall('GET', '/me/mailboxSettings')).toBeUndefined();
    expect(findUnplugCall('GET', '/me/mailboxSettings?$select=timeZone')).toBeUndefined();
    expect(findUnplugCall('POST', '/subscriptions')).toBeUndefined();
    expect(graphCall('create presence subscription').application).toBe('not-supported');
  });
});

describe('graph-calls.ts', () => {
  it('names every row once, cites a Microsoft Learn page, and lists least privileged first', () => {
    const rows = [...GRAPH_CALLS, ...DEMO_ONLY_GRAPH_CALLS];
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.docs, row.name).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/graph\/api\/[a-z-]+$/);
      for (const kind of row.usedWith) expect(grantingPermissions(row, kind).length, `${row.name} (${kind})`).toBeGreaterThan(0);
    }
    expect(graphCall('calendarView').delegated).toEqual(['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite']);
    expect(graphCall('getPresencesByUserId').application).toEqual(['Presence.Read.All', 'Presence.ReadWrite.All']);
    expect(() => graphCall('no such call')).toThrow(/No row named/);
  });
});
