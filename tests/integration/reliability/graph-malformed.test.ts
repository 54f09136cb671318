/**
 * Graph answers that are not what Graph promises — fields missing, wrong types, unknown time zone
 * names, not JSON at all — reach the API through the real gateway (a scripted Graph on loopback)
 * and come out as a clear answer: 502 `graph_response_invalid` naming what was wrong, or, for an
 * unknown zone, the figures in UTC with the problem stated. Never a 500, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeAnswer, type FakeGraph } from '../../../server/src/graph/fake-graph';
import { createGraphGateway } from '../../../server/src/graph/gateway';
import { batchAnswer } from '../../../server/src/graph/test-graph';
import { startApiHarness, type ApiHarness } from '../api/api-harness';
import { TEST_START } from '../../test-clock';

const TAB_ROUTES = ['/api/me', '/api/me/balance', '/api/me/suggestions'];

const day = (offsetDays: number, time: string) => {
  const d = new Date(TEST_START + offsetDays * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}.0000000`;
};
const meeting = {
  id: 'evt-1', start: { dateTime: day(1, '09:00:00'), timeZone: 'UTC' }, end: { dateTime: day(1, '10:00:00'), timeZone: 'UTC' },
  showAs: 'busy', isAllDay: false, isCancelled: false, responseStatus: { response: 'accepted' }, categories: [],
};
// As Microsoft's docs show them (mailboxSettings' workingHours and timeZone sub-resources, presence),
// trimmed to what matters here.
const workingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Pacific Standard Time' },
};
const mailboxZone = { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('1')/mailboxSettings/timeZone", value: 'UTC' };
const presence = { id: '66825e03-7ef5-42da-9069-724602c31f6b', availability: 'DoNotDisturb', activity: 'Presenting' };
const ok = (body: unknown): FakeAnswer => ({ status: 200, body });

type Parts = Partial<Record<'calendar' | 'workingHours' | 'timeZone' | 'presence', FakeAnswer>>;
interface Scenario {
  name: string;
  parts?: Parts;
  /** Replaces the whole `$batch` answer. */
  batch?: FakeAnswer;
  /** `invalid`: 502 graph_response_invalid whose message names `mentions`; `ok`: 200 on every tab route. */
  expect: 'invalid' | 'ok';
  mentions?: string;
}

const SCENARIOS: Scenario[] = [
  { name: 'an event without start or end', parts: { calendar: ok({ value: [{ ...meeting, start: undefined, end: undefined }] }) }, expect: 'invalid', mentions: 'start' },
  { name: 'an event whose start is a number', parts: { calendar: ok({ value: [{ ...meeting, start: { dateTime: 1_741_600_000, timeZone: 'UTC' } }] }) }, expect: 'invalid', mentions: 'start' },
  { name: 'an event on the 45th of the 13th month', parts: { calendar: ok({ value: [{ ...meeting, start: { dateTime: '2025-13-45T99:99:99', timeZone: 'UTC' } }] }) }, expect: 'invalid', mentions: 'start' },
  { name: 'an event in a zone nobody knows', parts: { calendar: ok({ value: [{ ...meeting, start: { dateTime: day(1, '09:00:00'), timeZone: 'Mars Standard Time' } }] }) }, expect: 'invalid', mentions: 'Mars Standard Time' },
  { name: 'a calendar whose value is not a list', parts: { calendar: ok({ value: 'none' }) }, expect: 'invalid', mentions: 'value' },
  { name: 'a calendar page that is null', parts: { calendar: ok(null) }, expect: 'invalid', mentions: 'calendarView' },
  { name: 'a nextLink that is a number', parts: { calendar: ok({ value: [meeting], '@odata.nextLink': 42 }) }, expect: 'invalid', mentions: 'nextLink' },
  { name: 'working hours that are null', parts: { workingHours: ok(null) }, expect: 'invalid', mentions: 'workingHours' },
  { name: 'working days that are numbers', parts: { workingHours: ok({ ...workingHours, daysOfWeek: [1, 2, 3] }) }, expect: 'invalid', mentions: 'daysOfWeek' },
  { name: 'a working day called "someday"', parts: { workingHours: ok({ ...workingHours, daysOfWeek: ['someday'] }) }, expect: 'invalid', mentions: 'someday' },
  { name: 'a start time of 25:00', parts: { workingHours: ok({ ...workingHours, startTime: '25:00:00.0000000' }) }, expect: 'invalid', mentions: 'startTime' },
  { name: 'a custom zone without its bias', parts: { workingHours: ok({ ...workingHours, timeZone: { '@odata.type': '#microsoft.graph.customTimeZone', name: 'Customized Time Zone' } }) }, expect: 'invalid', mentions: 'bias' },
  { name: 'a mailbox time zone that is a number', parts: { timeZone: ok({ value: 42 }) }, expect: 'invalid', mentions: 'timeZone' },
  { name: 'presence with a numeric availability', parts: { presence: ok({ id: 'x', availability: 42, activity: [] }) }, expect: 'invalid', mentions: 'availability' },
  { name: 'a batch without one of its answers', batch: { status: 200, body: { responses: [] } }, expect: 'invalid', mentions: 'no answer' },
  { name: 'a batch whose responses are not a list', batch: { status: 200, body: { responses: { calendar: {} } } }, expect: 'invalid', mentions: 'responses' },
  { name: 'a batch answer that is HTML', batch: { status: 200, raw: '<html><body>Service Unavailable</body></html>', headers: { 'content-type': 'text/html' } }, expect: 'invalid' },
  { name: 'a batch answer cut off mid-JSON', batch: { status: 200, raw: '{"responses":[{"id":"calendar","status":200,"body":{"value":[', headers: { 'content-type': 'application/json' } }, expect: 'invalid' },
  // Unknown zone names are the domain's to judge: the person sees their figures in UTC, and why.
  { name: 'working hours in a zone nobody knows', parts: { timeZone: ok({ value: 'Mars Standard Time' }), workingHours: ok({ ...workingHours, timeZone: { name: 'Mars Standard Time' } }) }, expect: 'ok' },
  { name: 'presence that is unavailable (404)', parts: { presence: { status: 404, body: { error: { code: 'NotFound', message: 'no presence' } } } }, expect: 'ok' },
];

let fake: FakeGraph;
let h: ApiHarness;
let token: string;
let scenario: Scenario;

beforeAll(async () => {
  fake = await startFakeGraph();
  fake.handle((request) => {
    if (scenario.batch) return scenario.batch;
    if (request.method === 'POST' && request.url === '/$batch') {
      return batchAnswer(request, (id) => scenario.parts?.[id as keyof Parts] ?? ({
        calendar: ok({ value: [meeting] }), workingHours: ok(workingHours), timeZone: ok(mailboxZone), presence: ok(presence),
      } as Record<string, FakeAnswer>)[id] ?? { status: 404, body: {} });
    }
    return { status: 404, body: { error: { code: 'notFound', message: request.url } } };
  });
  h = await startApiHarness({
    // The real gateway, pointed at the scripted Graph; no reuse of loaded calendars between scenarios.
    platform: { graph: createGraphGateway({ root: fake.root, retry: { sleep: async () => {} } }) },
    api: { cacheTtlMs: 0, ratePerMinute: 10_000 },
  });
  token = await h.tokenFor(h.people[0]!.id);
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe('malformed Graph answers', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: a clear answer on every tab route', async (_name, current) => {
    scenario = current;
    for (const route of TAB_ROUTES) {
      const res = await h.api(token, 'GET', route);
      if (current.expect === 'ok') {
        expect(res.status, route).toBe(200);
        continue;
      }
      expect(res.status, `${route}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(502);
      expect(res.body.error.code).toBe('graph_response_invalid');
      expect(res.body.error.message).toMatch(/^Microsoft Graph sent a response Unplug cannot read: .{10,}/);
      if (current.mentions) expect(res.body.error.message, route).toContain(current.mentions);
    }
  });

  it('says which zone it could not read, and shows the figures in UTC', async () => {
    scenario = SCENARIOS.find((s) => s.name === 'working hours in a zone nobody knows')!;
    const me = await h.api(token, 'GET', '/api/me');
    expect(me.body.timeZone.name).toBe('UTC');
    expect(me.body.timeZone.problem.message).toContain('Mars Standard Time');
    const balance = await h.api(token, 'GET', '/api/me/balance');
    expect(balance.body.timeZone).toBe('UTC');
    expect(balance.body.timeZoneProblem.message).toContain('Mars Standard Time');
  });

  it('an event created without an id is not recorded as booked, and the accept can be retried', async () => {
    scenario = { name: 'sound', expect: 'ok' };
    const list = await h.api(token, 'GET', '/api/me/suggestions');
    const block = list.body.suggestions[0] as { id: string };
    expect(block).toBeDefined();
    let created = 0;
    fake.handle((request) => {
      if (request.method === 'POST' && request.url === '/me/events') {
        created += 1;
        return created === 1 ? ok({ subject: 'Unplugged' }) : { status: 201, body: { ...(request.body as object), id: 'evt-created' } };
      }
      return batchAnswer(request, (id) => ({ calendar: ok({ value: [meeting] }), workingHours: ok(workingHours), timeZone: ok(mailboxZone), presence: ok(presence) } as Record<string, FakeAnswer>)[id]!);
    });
    const broken = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(broken.status).toBe(502);
    expect(broken.body.error.code).toBe('graph_response_invalid');
    const retried = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(retried.status).toBe(201);
    expect(retried.body.eventId).toBe('evt-created');
  });

  it('keeps serving after all of it', async () => {
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    expect((await h.api(token, 'GET', '/api/me/preferences')).status).toBe(200);
  });
});
