import { describe, expect, it } from 'vitest';
import { ConsentRequiredError, GraphRequestError, GraphResponseError, GraphThrottledError } from './errors';
import { type FakeAnswer } from './fake-graph';
import { useFakeGraph } from './use-fake-graph';
import { loadGraphContract } from './graph-contract';
import { readGraphExample } from './graph-examples';
import { loadTabData } from './tab-data';
import { batchAnswer, batchParts, TEST_GRAPH_TOKEN, testGraphHttp } from './test-graph';

const WEEK = { start: Date.parse('2025-03-10T00:00:00Z'), end: Date.parse('2025-03-17T00:00:00Z') };
const contract = loadGraphContract();
const fake = useFakeGraph();

const standup = {
  id: 'evt-standup', start: { dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2025-03-10T09:15:00.0000000', timeZone: 'UTC' },
  showAs: 'busy', isAllDay: false, isCancelled: false, responseStatus: { response: 'accepted' }, categories: [],
};
const block = { ...standup, id: 'evt-block', start: { dateTime: '2025-03-10T13:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2025-03-10T14:00:00.0000000', timeZone: 'UTC' }, categories: ['Unplug'] };
const ok = (body: unknown): FakeAnswer => ({ status: 200, body });
const standardParts = (overrides: Record<string, FakeAnswer> = {}) => (id: string): FakeAnswer => overrides[id] ?? {
  calendar: ok({ value: [standup, block] }),
  // The two settings Unplug reads, from Microsoft's example of the whole settings: the
  // workingHours sub-resource is that object, the timeZone one a string in { value }.
  workingHours: ok({ '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('1')/mailboxSettings/workingHours", ...(readGraphExample('mailboxsettings-response.json') as { workingHours: object }).workingHours }),
  timeZone: ok({ '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('1')/mailboxSettings/timeZone", value: (readGraphExample('mailboxsettings-response.json') as { timeZone: string }).timeZone }),
  presence: ok(readGraphExample('presence-get-user-response.json')),
}[id] ?? { status: 404, body: { error: { code: 'notFound', message: id } } };

function expectContract(): void {
  for (const request of fake.requests) expect(contract.problems(request), request.url).toEqual([]);
}

describe('loadTabData', () => {
  it('loads calendar, working hours and presence in one $batch round trip, mapped to domain types', async () => {
    fake.handle((request) => batchAnswer(request, standardParts()));
    const { http, sleeps } = testGraphHttp(fake.root);
    const data = await loadTabData(http, WEEK);

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/$batch' });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
    expect(sleeps).toEqual([]);
    expectContract();
    expect(data).toEqual({
      events: [
        { id: 'evt-standup', start: Date.parse('2025-03-10T09:00:00Z'), end: Date.parse('2025-03-10T09:15:00Z'), showAs: 'busy', isCancelled: false, response: 'accepted', isUnplugBlock: false },
        { id: 'evt-block', start: Date.parse('2025-03-10T13:00:00Z'), end: Date.parse('2025-03-10T14:00:00Z'), showAs: 'busy', isCancelled: false, response: 'accepted', isUnplugBlock: true },
      ],
      workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00', endTime: '17:00:00', timeZone: { kind: 'windows', name: 'Pacific Standard Time' } },
      mailboxTimeZone: 'UTC',
      presence: { availability: 'DoNotDisturb', activity: 'Presenting' },
    });
  });

  it('asks only for the fields the domain needs, in UTC, for the whole range', async () => {
    fake.handle((request) => batchAnswer(request, standardParts()));
    await loadTabData(testGraphHttp(fake.root).http, WEEK);
    const calendar = batchParts(fake.requests[0]!).find((p) => p.id === 'calendar')!;
    const query = new URLSearchParams(calendar.url.split('?')[1]);
    expect(calendar.url.split('?')[0]).toBe('/me/calendarView');
    expect(query.get('startDateTime')).toBe('2025-03-10T00:00:00.000Z');
    expect(query.get('endDateTime')).toBe('2025-03-17T00:00:00.000Z');
    expect(query.get('$select')?.split(',').sort()).toEqual(['categories', 'end', 'id', 'isAllDay', 'isCancelled', 'responseStatus', 'showAs', 'start', 'transactionId']);
    expect(calendar.headers).toEqual({ Prefer: 'outlook.timezone="UTC"' });
    expect(batchParts(fake.requests[0]!).map((p) => p.url)).toEqual([calendar.url, '/me/mailboxSettings/workingHours', '/me/mailboxSettings/timeZone', '/me/presence']);
  });

  it('never asks for the whole mailboxSettings: automatic-reply text is not requested', async () => {
    fake.handle((request) => batchAnswer(request, standardParts()));
    await loadTabData(testGraphHttp(fake.root).http, WEEK);
    const urls = fake.requests.flatMap((r) => (r.url === '/$batch' ? batchParts(r).map((p) => p.url) : [r.url]));
    expect(urls.filter((u) => u.includes('mailboxSettings'))).toEqual(['/me/mailboxSettings/workingHours', '/me/mailboxSettings/timeZone']);
    expect(urls.some((u) => /automaticReplies/i.test(u) || /\/mailboxSettings(\?|$)/.test(u))).toBe(false);
    expectContract();
  });

  it('follows @odata.nextLink only when the calendar is paged, with the same Prefer header', async () => {
    fake.handle((request) => {
      if (request.url === '/$batch') {
        return batchAnswer(request, standardParts({ calendar: ok({ value: [standup], '@odata.nextLink': `${fake.root}/me/calendarView?startDateTime=2025-03-10T00%3A00%3A00.000Z&endDateTime=2025-03-17T00%3A00%3A00.000Z&%24skiptoken=page2` }) }));
      }
      if (request.url.includes('skiptoken=page2')) return ok({ value: [block], '@odata.nextLink': `${fake.root}/me/calendarView?startDateTime=2025-03-10T00%3A00%3A00.000Z&endDateTime=2025-03-17T00%3A00%3A00.000Z&%24skiptoken=page3` });
      return ok({ value: [] });
    });
    const data = await loadTabData(testGraphHttp(fake.root).http, WEEK);
    expect(data.events.map((e) => e.id)).toEqual(['evt-standup', 'evt-block']);
    expect(fake.requests.map((r) => r.method + ' ' + r.url.split('?')[0])).toEqual(['POST /$batch', 'GET /me/calendarView', 'GET /me/calendarView']);
    expect(fake.requests[1]?.headers['prefer']).toBe('outlook.timezone="UTC"');
    expect(fake.requests[1]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
    expectContract();
  });

  it('refuses a nextLink to another host, without sending the token there', async () => {
    fake.handle((request) => batchAnswer(request, standardParts({ calendar: ok({ value: [], '@odata.nextLink': 'https://evil.example/v1.0/me/calendarView?$skiptoken=x' }) })));
    await expect(loadTabData(testGraphHttp(fake.root).http, WEEK)).rejects.toThrow(/calendarView page 2: a link outside/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries only the throttled part, after its Retry-After, in a smaller batch', async () => {
    let presenceCalls = 0;
    fake.handle((request) => batchAnswer(request, (id) => {
      if (id === 'presence' && ++presenceCalls === 1) return { status: 429, headers: { 'Retry-After': '2.128' }, body: readGraphExample('error-throttled.json') };
      return standardParts()(id);
    }));
    const { http, sleeps } = testGraphHttp(fake.root);
    const data = await loadTabData(http, WEEK);
    expect(data.presence).toEqual({ availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(sleeps).toEqual([2128]);
    expect(fake.requests.map((r) => batchParts(r).map((p) => p.id))).toEqual([['calendar', 'workingHours', 'timeZone', 'presence'], ['presence']]);
    expectContract();
  });

  it('waits for the longest Retry-After when several parts are throttled', async () => {
    let round = 0;
    fake.handle((request) => {
      round += 1;
      return batchAnswer(request, (id) => round === 1 && id !== 'presence'
        ? { status: id === 'calendar' ? 429 : 503, headers: { 'Retry-After': id === 'calendar' ? '1' : '3' } }
        : standardParts()(id));
    });
    const { http, sleeps } = testGraphHttp(fake.root);
    await loadTabData(http, WEEK);
    expect(sleeps).toEqual([3000]);
    expect(batchParts(fake.requests[1]!).map((p) => p.id)).toEqual(['calendar', 'workingHours', 'timeZone']);
  });

  it('gives up on a calendar that stays throttled: bounded retries, GraphThrottledError', async () => {
    fake.handle((request) => batchAnswer(request, (id) => id === 'calendar' ? { status: 429, headers: { 'Retry-After': '1' } } : standardParts()(id)));
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 3 } });
    const error = await loadTabData(http, WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(error).toMatchObject({ status: 429, attempts: 4, retryAfterMs: 1000, statusCode: 503 });
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(fake.requests).toHaveLength(4);
  });

  it('returns null presence when presence stays unavailable, and still the calendar', async () => {
    fake.handle((request) => batchAnswer(request, (id) => id === 'presence' ? { status: 503 } : standardParts()(id)));
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 2, baseDelayMs: 100 } });
    const data = await loadTabData(http, WEEK);
    expect(data.presence).toBeNull();
    expect(data.events).toHaveLength(2);
    expect(sleeps).toEqual([100, 200]); // no Retry-After: doubling backoff
  });

  it('retries the whole $batch when Graph throttles the batch request itself', async () => {
    fake.handle((request, index) => index === 0
      ? { status: 429, headers: { 'Retry-After': '1' }, body: readGraphExample('error-throttled.json') }
      : batchAnswer(request, standardParts()));
    const { http, sleeps } = testGraphHttp(fake.root);
    await expect(loadTabData(http, WEEK)).resolves.toMatchObject({ events: expect.any(Array) });
    expect(sleeps).toEqual([1000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('turns a 403 on the mailbox into ConsentRequiredError', async () => {
    fake.handle((request) => batchAnswer(request, standardParts({ workingHours: { status: 403, body: readGraphExample('error-forbidden-403.json') } })));
    const error = await loadTabData(testGraphHttp(fake.root).http, WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'consent_required', permissionType: 'delegated', reason: 'Authorization_RequestDenied' });
  });

  it('reports other refusals of an essential part as GraphRequestError', async () => {
    fake.handle((request) => batchAnswer(request, standardParts({ calendar: { status: 400, body: readGraphExample('error-example.json') } })));
    const error = await loadTabData(testGraphHttp(fake.root).http, WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 400, graphCode: 'invalidRange' });
  });

  it.each<[string, Record<string, FakeAnswer>, string]>([
    ['an event with an unknown showAs', { calendar: ok({ value: [{ ...standup, showAs: 'maybe' }] }) }, 'calendarView.value[0].showAs: expected one of'],
    ['a calendar without value', { calendar: ok({ items: [] }) }, 'calendarView.value: expected an array'],
    ["Microsoft's shortened calendarView example", { calendar: ok(readGraphExample('calendarview-response.json')) }, 'calendarView.value[0].id: missing'],
    ['working hours without days', { workingHours: ok({ startTime: '08:00:00', endTime: '17:00:00', timeZone: { name: 'UTC' } }) }, 'mailboxSettings/workingHours.daysOfWeek: expected an array'],
    ['presence without availability', { presence: ok({ id: 'x', activity: 'Away' }) }, 'presence.availability: missing'],
  ])('names the problem in a malformed answer: %s', async (_name, overrides, expected) => {
    fake.handle((request) => batchAnswer(request, standardParts(overrides)));
    const error = await loadTabData(testGraphHttp(fake.root).http, WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseError);
    expect((error as GraphResponseError).problem).toContain(expected);
  });

  it.each<[string, unknown, string]>([
    ['a body that is not an object', [1, 2], '$batch: expected an object'],
    ['no responses', {}, '$batch.responses: expected an array'],
    ['a part missing', { responses: [{ id: 'calendar', status: 200, body: { value: [] } }] }, '$batch.responses: no answer for request "workingHours"'],
    ['a part without status', { responses: [{ id: 'calendar', body: {} }] }, '$batch.responses[0].status: expected an HTTP status'],
  ])('names the problem in a malformed $batch answer: %s', async (_name, body, expected) => {
    fake.handle(() => ({ status: 200, body }));
    const error = await loadTabData(testGraphHttp(fake.root).http, WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseError);
    expect((error as GraphResponseError).problem).toContain(expected);
  });

  it('never puts the token in a URL', async () => {
    fake.handle((request) => batchAnswer(request, standardParts()));
    await loadTabData(testGraphHttp(fake.root).http, WEEK);
    for (const request of fake.requests) expect(request.url).not.toContain(TEST_GRAPH_TOKEN);
  });
});
