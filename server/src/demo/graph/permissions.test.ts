import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ONLY_GRAPH_CALLS, GRAPH_CALLS, grantingPermissions, refusalFor, type GraphCall } from '../../graph/graph-calls';
import type { DemoPerson } from '../org';
import type { RunningDemoTenant } from '../standalone';
import { DEMO_CLIENT_ID } from '../constants';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../teams';
import { graphClient, manualClock, startTestTenant } from '../test-support';
import { GRAPH_ROUTES } from './dispatch';

/**
 * The demo Graph enforces graph-calls.ts row by row: for each row and each kind of token, a token
 * holding the row's least-privileged permission passes the permission gate, and a token holding
 * everything but the row's permissions gets the 403 of the row's workload in Graph's error shape
 * (also where application is "not supported", such as presence subscriptions).
 */
const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
let person: DemoPerson;
let recipient: DemoPerson;

const WINDOW = 'startDateTime=2025-03-03T00:00:00Z&endDateTime=2025-03-10T00:00:00Z';
const EVENT = { subject: 'Unplugged', start: { dateTime: '2025-03-06T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-06T11:00:00', timeZone: 'UTC' } };
const ALL_PERMISSIONS = [...new Set([...GRAPH_CALLS, ...DEMO_ONLY_GRAPH_CALLS].flatMap((row) => [...grantingPermissions(row, 'delegated'), ...grantingPermissions(row, 'application')]))];

/** A concrete request for a row: `/me` for delegated tokens, `/users/{id}` for app-only ones. */
async function requestFor(row: GraphCall, kind: 'delegated' | 'application'): Promise<{ path: string; init: RequestInit & { json?: unknown } }> {
  let path = row.path.replace(/^\/me\//, kind === 'delegated' ? '/me/' : `/users/${person.id}/`);
  // An event row acts on an event of the person's that exists (Unplug deletes only what it booked).
  if (path.endsWith('/events/{id}')) path = path.replace(/\/events\/\{id\}$/, `/events/${await someEvent()}`);
  // A notification goes to someone else: a person cannot notify themselves.
  if (row.name === 'sendActivityNotification') path = path.replace('/users/{id}', `/users/${recipient.id}`);
  path = path.replace('/users/{id}', `/users/${person.id}`).replace(/\{id\}/g, person.id);
  const init: RequestInit & { json?: unknown } = { method: row.method };
  if (/calendarView/.test(path)) path += `?${WINDOW}`;
  switch (row.name) {
    case 'create event': init.json = EVENT; break;
    case 'update event': init.json = { subject: 'x' }; break;
    case 'checkMemberGroups': init.json = { groupIds: [CUSTOMER_SUCCESS_TEAM_ID] }; break;
    case 'getPresencesByUserId': init.json = { ids: [person.id] }; break;
    case 'setStatusMessage': init.json = { statusMessage: { message: { content: 'Unplugged', contentType: 'text' } } }; break;
    // Unplug's own presence session: the app's id is the session id.
    case 'setPresence': init.json = APP_SESSION; break;
    case 'clearPresence':
      await (await appClient())(`/users/${person.id}/presence/setPresence`, { method: 'POST', json: APP_SESSION });
      init.json = { sessionId: DEMO_CLIENT_ID };
      break;
    case 'setUserPreferredPresence': init.json = { availability: 'Busy', activity: 'Busy', expirationDuration: 'PT1H' }; break;
    case 'clearUserPreferredPresence': init.json = {}; break;
    case 'create presence subscription':
      init.json = { changeType: 'updated', notificationUrl: 'https://unplug.invalid/notifications', resource: `/communications/presences?$filter=id in ('${person.id}')`, expirationDateTime: new Date(clock.now() + 30 * 60_000).toISOString(), clientState: 'x' };
      break;
    case 'reauthorize presence subscription': init.json = {}; break;
    case 'sendActivityNotification': init.json = NOTIFICATION; break;
    default: break;
  }
  return { path, init };
}

const APP_SESSION = { sessionId: DEMO_CLIENT_ID, availability: 'DoNotDisturb', activity: 'Presenting', expirationDuration: 'PT1H' };
const NOTIFICATION = {
  topic: { source: 'text', value: 'Unplug', webUrl: 'https://teams.microsoft.com/l/entity/c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef/unplug' },
  activityType: 'longDay',
  previewText: { content: 'Connected 8 h today.' },
  templateParameters: [{ name: 'hours', value: '8 h' }],
};

/** A token holding everything a row is tested with, for the set-up calls. */
async function appClient() {
  return graphClient(demo, await token('application', ALL_PERMISSIONS));
}

/** A new event in the person's calendar, booked through the demo Graph; its id. */
async function someEvent(): Promise<string> {
  const created = await graphClient(demo, await token('delegated', ['Calendars.ReadWrite']))('/me/events', { method: 'POST', json: EVENT });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function token(kind: 'delegated' | 'application', permissions: readonly string[]): Promise<string> {
  const issued = kind === 'delegated'
    ? await demo.tenant.identity.issueDelegatedGraphToken(person, permissions)
    : await demo.tenant.identity.issueApplicationGraphToken(permissions);
  return issued.token;
}

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
  person = demo.tenant.org.people[0]!;
  recipient = demo.tenant.org.people[1]!;
});
afterAll(() => demo.close());

describe('the demo routes', () => {
  it('each name a row of graph-calls.ts, and every row is served', () => {
    const rows = new Set([...GRAPH_CALLS, ...DEMO_ONLY_GRAPH_CALLS].map((r) => r.name));
    for (const route of GRAPH_ROUTES) expect(rows, route.pattern).toContain(route.call);
    for (const name of rows) expect(GRAPH_ROUTES.map((r) => r.call), name).toContain(name);
  });
});

const ROWS = [...GRAPH_CALLS, ...DEMO_ONLY_GRAPH_CALLS];
const KINDS = ['delegated', 'application'] as const;
const label = (row: GraphCall, kind: string) => `${row.name} (${row.method} ${row.path}) with a ${kind} token`;
// Every row and kind with a permission that grants it; every row and kind can be refused (an
// app-only token under /me is refused before any permission, see the last block).
const allowed = ROWS.flatMap((row) => KINDS.filter((kind) => grantingPermissions(row, kind).length > 0).map((kind) => ({ name: label(row, kind), row, kind })));
const refused = ROWS.flatMap((row) => KINDS.map((kind) => ({ name: label(row, kind), row, kind })));
const underMe = ROWS.filter((row) => row.path.startsWith('/me/')).map((row) => ({ name: `${row.name} (${row.path})`, row }));

describe('a token holding the least-privileged permission a row lists', () => {
  it.each(allowed)('passes: $name', async ({ row, kind }) => {
    const { path, init } = await requestFor(row, kind);
    const answer = await graphClient(demo, await token(kind, [grantingPermissions(row, kind)[0]!]))(path, init);
    expect(answer.status, JSON.stringify(answer.body)).not.toBe(403);
    // Unplug's own calls succeed outright; demo-only ones may name a missing thing (404, 400).
    if (row.usedWith.length > 0) expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  });
});

describe('a token holding every other permission but none the row lists', () => {
  it.each(refused)("gets the workload's 403 in Graph's shape: $name", async ({ row, kind }) => {
    const { path, init } = await requestFor(row, kind);
    const granting = grantingPermissions(row, kind);
    const answer = await graphClient(demo, await token(kind, ALL_PERMISSIONS.filter((p) => !granting.includes(p))))(path, init);
    const refusal = refusalFor(row, { kind, held: ALL_PERMISSIONS.filter((p) => !granting.includes(p)) });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: refusal.code, message: refusal.message, innerError: { 'request-id': expect.any(String) as string, date: expect.any(String) as string } } });
  });
});

describe('an app-only token under /me', () => {
  it.each(underMe)('is refused whatever it holds: $name', async ({ row }) => {
    const { path, init } = await requestFor(row, 'delegated');
    const answer = await graphClient(demo, await token('application', ALL_PERMISSIONS))(path, init);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' } });
  });
});
