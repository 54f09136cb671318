import { describe, expect, it } from 'vitest';
import { ConsentRequiredError, GraphRequestError, GraphResponseError, GraphThrottledError } from './errors';
import { isConsentDenial } from './answer-errors';
import { createGraphHttp, relativeLink } from './graph-client';
import { useFakeGraph } from './use-fake-graph';
import { readGraphExample } from './graph-examples';
import { testGraphHttp } from './test-graph';

const fake = useFakeGraph();

describe('createGraphHttp retries', () => {
  it('retries 429, 503 and 504, honouring Retry-After (seconds or HTTP date) or backing off without it', async () => {
    const answers = [
      { status: 429, headers: { 'Retry-After': '2.128' }, body: readGraphExample('error-throttled.json') },
      { status: 503, headers: { 'Retry-After': 'Mon, 10 Mar 2025 08:00:05 GMT' } },
      { status: 504 },
      { status: 200, body: { id: 'p', availability: 'Away', activity: 'Away' } },
    ];
    fake.handle((_r, i) => answers[i] ?? { status: 500 });
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { baseDelayMs: 100 } });
    await expect(http.get('/me/presence')).resolves.toMatchObject({ availability: 'Away' });
    expect(sleeps).toEqual([2128, 5000, 400]); // the third retry without Retry-After: 100 · 2²
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(Array(4).fill('Bearer graph-token-for-tests'));
  });

  it('gives up after maxRetries with GraphThrottledError carrying the last Retry-After', async () => {
    fake.handle(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 2 } });
    const error = await http.get('/me/presence').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(error).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 1000, headers: { 'Retry-After': '1' } });
    expect(sleeps).toEqual([1000, 1000]);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not wait for a Retry-After beyond the bound: fails at once', async () => {
    fake.handle(() => ({ status: 429, headers: { 'Retry-After': '120' } }));
    const { http, sleeps } = testGraphHttp(fake.root);
    await expect(http.get('/me/presence')).rejects.toMatchObject({ code: 'graph_throttled', retryAfterMs: 120_000, headers: { 'Retry-After': '120' } });
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps the total wait of one request within maxTotalWaitMs', async () => {
    fake.handle(() => ({ status: 503, headers: { 'Retry-After': '4' } }));
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 10, maxTotalWaitMs: 10_000 } });
    await expect(http.get('/me/presence')).rejects.toBeInstanceOf(GraphThrottledError);
    expect(sleeps).toEqual([4000, 4000]);
  });

  it('does not retry other failures', async () => {
    fake.handle(() => ({ status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } } }));
    const error = await testGraphHttp(fake.root).http.get('/me/presence').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 404, graphCode: 'ErrorItemNotFound', code: 'graph_request_failed' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a 2xx that is not JSON as GraphResponseError', async () => {
    fake.handle(() => ({ status: 200, headers: { 'content-type': 'application/json' }, raw: '{"value": [' }));
    await expect(testGraphHttp(fake.root).http.get('/me/presence')).rejects.toThrow(GraphResponseError);
  });

  it('reports an unreachable Graph as GraphRequestError (network_error)', async () => {
    const { http } = testGraphHttp('http://127.0.0.1:9/v1.0');
    await expect(http.get('/me/presence')).rejects.toMatchObject({ graphCode: 'network_error' });
  });

  it('resolves a lazy root when the client is made (the demo tenant listens later)', async () => {
    fake.handle(() => ({ status: 200, body: { ok: true } }));
    const server: { root?: string } = {};
    const make = () => createGraphHttp({ kind: 'app', getAccessToken: async () => 't' }, { root: () => server.root ?? 'http://not-yet/v1.0' });
    server.root = fake.root;
    await expect(make().get('/me/presence')).resolves.toEqual({ ok: true });
  });
});

describe('createGraphHttp token failures', () => {
  it('passes a consent failure from token acquisition through as it is, without calling Graph', async () => {
    const http = createGraphHttp({ kind: 'person', getAccessToken: async () => { throw new ConsentRequiredError('delegated', 'invalid_grant'); } }, { root: fake.root });
    await expect(http.get('/me/presence')).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('relativeLink', () => {
  const http = { root: 'https://graph.microsoft.com/v1.0' };
  it('keeps links under the root, as paths', () => {
    expect(relativeLink(http, 'https://graph.microsoft.com/v1.0/me/calendarView?$skiptoken=x', 'p')).toBe('/me/calendarView?$skiptoken=x');
  });
  it.each(['https://graph.microsoft.com.evil.example/v1.0/me', 'https://graph.microsoft.com/beta/me', 'http://graph.microsoft.com/v1.0/me'])('refuses %s', (link) => {
    expect(() => relativeLink(http, link, 'p')).toThrow(GraphResponseError);
  });
});

describe('isConsentDenial: Graph\'s permission codes, not words in a message', () => {
  it.each([
    ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.', true],
    ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', true],
    ['accessDenied', "The caller doesn't have permission to perform the action.", true],
    ['Forbidden', "Missing role permissions on the request. API requires one of 'Presence.ReadWrite.All'. Roles on the request ''.", true],
    ['Forbidden', "Missing scope permissions on the request. API requires one of 'Presence.Read'. Scopes on the request 'User.Read'.", true],
    ['Forbidden', '', true], // presence (cloud communications) without its permission
    ['', 'You do not have the required permissions to access this item.', false],
    ['Forbidden', 'The scope of this meeting does not allow a change.', false],
    ['ErrorItemNotFound', 'The permission you asked about does not exist.', false],
    ['insufficient_claims', 'Continuous access evaluation resulted in claims challenge.', false],
  ])('403 %s "%s" → consent: %s', (code, message, expected) => {
    expect(isConsentDenial(403, code, message)).toBe(expected);
  });

  it('only ever for a 403', () => {
    expect(isConsentDenial(401, 'ErrorAccessDenied', 'Access is denied.')).toBe(false);
  });
});
