import { describe, expect, it } from 'vitest';
import { ConsentRequiredError, GraphRequestError, GraphResponseError } from './errors';
import { createBlockEvent, transactionIdFor, uuidV5 } from './events';
import { loadGraphContract } from './graph-contract';
import { useFakeGraph } from './use-fake-graph';
import { readGraphExample } from './graph-examples';
import { testGraphHttp } from './test-graph';

const contract = loadGraphContract();
const fake = useFakeGraph();

const input = {
  start: Date.parse('2025-03-10T13:00:00Z'),
  end: Date.parse('2025-03-10T14:30:00Z'),
  subject: 'Unplugged',
  showAs: 'busy' as const,
  transactionId: transactionIdFor('sugg-1'),
};

describe('createBlockEvent', () => {
  it('posts the block to /me/events without a reminder, categorised, in UTC, with the transaction id', async () => {
    fake.handle(() => ({ status: 201, body: readGraphExample('event-create-response.json') }));
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).resolves.toEqual({ eventId: 'AAMkAGI1AAAt9AHjAAA=' });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/me/events' });
    expect(request?.body).toEqual({
      subject: 'Unplugged',
      start: { dateTime: '2025-03-10T13:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2025-03-10T14:30:00.000', timeZone: 'UTC' },
      showAs: 'busy',
      isReminderOn: false,
      categories: ['Unplug'],
      transactionId: input.transactionId,
    });
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(contract.problems(request!)).toEqual([]);
  });

  it('resends the very same body when Graph is unavailable, so the transaction id makes it one event', async () => {
    fake.handle((_request, index) => index < 2 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 201, body: { id: 'evt-1' } });
    const { http, sleeps } = testGraphHttp(fake.root);
    await expect(createBlockEvent(http, input)).resolves.toEqual({ eventId: 'evt-1' });
    expect(sleeps).toEqual([1000, 1000]);
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });

  const duplicate = { status: 400, body: { error: { code: 'ErrorDuplicateTransactionId', message: "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event." } } };

  it('uses the event that holds the transaction id when Exchange answers ErrorDuplicateTransactionId', async () => {
    fake.handle((request) => request.method === 'POST'
      ? duplicate
      : request.url.includes('skiptoken')
        ? { status: 200, body: { value: [{ id: 'other' }, { id: 'evt-first', transactionId: input.transactionId }] } }
        : { status: 200, body: { value: [{ id: 'a-meeting' }], '@odata.nextLink': `${fake.root}/me/calendarView?startDateTime=x&$skiptoken=2` } });
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).resolves.toEqual({ eventId: 'evt-first' });
    const [, lookup, next] = fake.requests;
    expect(lookup).toMatchObject({ method: 'GET' });
    // The block's own range, the two fields needed, in UTC.
    const [path, query] = lookup!.url.split('?') as [string, string];
    expect(path).toBe('/me/calendarView');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      startDateTime: '2025-03-10T13:00:00.000Z', endDateTime: '2025-03-10T14:30:00.000Z', $select: 'id,transactionId', $top: '100',
    });
    expect(lookup!.headers['prefer']).toBe('outlook.timezone="UTC"');
    expect(contract.problems(lookup!)).toEqual([]);
    expect(next?.url).toContain('$skiptoken=2');
    expect(fake.requests).toHaveLength(3);
  });

  it('passes ErrorDuplicateTransactionId on when no event holds the transaction id', async () => {
    fake.handle((request) => request.method === 'POST' ? duplicate : { status: 200, body: { value: [{ id: 'a-meeting' }] } });
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).rejects.toMatchObject({ name: 'GraphRequestError', graphCode: 'ErrorDuplicateTransactionId' });
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).rejects.toBeInstanceOf(GraphRequestError);
  });

  it('turns a 403 into ConsentRequiredError', async () => {
    fake.handle(() => ({ status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } } }));
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).rejects.toBeInstanceOf(ConsentRequiredError);
  });

  it('refuses a created event without an id', async () => {
    fake.handle(() => ({ status: 201, body: { subject: 'x' } }));
    await expect(createBlockEvent(testGraphHttp(fake.root).http, input)).rejects.toThrow(GraphResponseError);
  });

  it('refuses an empty block before calling Graph', async () => {
    await expect(createBlockEvent(testGraphHttp(fake.root).http, { ...input, end: input.start })).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('transactionIdFor', () => {
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a GUID, the same for the same suggestion and different for another', () => {
    expect(transactionIdFor('sugg-1')).toMatch(GUID);
    expect(transactionIdFor('sugg-1')).toBe(transactionIdFor('sugg-1'));
    expect(transactionIdFor('sugg-2')).not.toBe(transactionIdFor('sugg-1'));
  });

  it('is a standard name-based UUID (RFC 9562 test vector)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
