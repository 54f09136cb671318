import { describe, expect, it } from 'vitest';
import { ConsentRequiredError, GraphThrottledError } from './errors';
import { type FakeAnswer } from './fake-graph';
import { useFakeGraph } from './use-fake-graph';
import { createGraphHttp } from './graph-client';
import { readGraphExample } from './graph-examples';
import { testGraphHttp, TEST_GRAPH_TOKEN } from './test-graph';

const fake = useFakeGraph();

const BATCH = { requests: [{ id: 'presence', method: 'GET', url: '/me/presence' }] };

describe('POST /$batch without the graph client pipeline', () => {
  it('sends the JSON body with the token and answers the parsed JSON', async () => {
    fake.handle(() => ({ status: 200, body: { responses: [{ id: 'presence', status: 200, body: { availability: 'Away' } }] } }));
    const { http } = testGraphHttp(fake.root);
    await expect(http.post('/$batch', BATCH)).resolves.toEqual({ responses: [{ id: 'presence', status: 200, body: { availability: 'Away' } }] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/$batch', body: BATCH });
    expect(fake.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${TEST_GRAPH_TOKEN}`, 'content-type': 'application/json' });
  });

  it('retries 429, 503 and 504, honouring Retry-After (seconds or HTTP date) or backing off without it', async () => {
    const answers = [
      { status: 429, headers: { 'Retry-After': '2.128' }, body: readGraphExample('error-throttled.json') },
      { status: 503, headers: { 'Retry-After': 'Mon, 10 Mar 2025 08:00:05 GMT' } },
      { status: 504 },
      { status: 200, body: { responses: [] } },
    ];
    fake.handle((_r, i) => answers[i] ?? { status: 500 });
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { baseDelayMs: 100 } });
    await expect(http.post('/$batch', BATCH)).resolves.toEqual({ responses: [] });
    expect(sleeps).toEqual([2128, 5000, 400]);
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(Array(4).fill(`Bearer ${TEST_GRAPH_TOKEN}`));
    expect(fake.requests.map((r) => r.body)).toEqual(Array(4).fill(BATCH));
  });

  it('gives up after maxRetries with GraphThrottledError carrying the attempts and the last Retry-After', async () => {
    fake.handle(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 2 } });
    const error = await http.post('/$batch', BATCH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(error).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 1000, headers: { 'Retry-After': '1' } });
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('does not wait for a Retry-After beyond the bound', async () => {
    fake.handle(() => ({ status: 503, headers: { 'Retry-After': '120' } }));
    const { http, sleeps } = testGraphHttp(fake.root);
    await expect(http.post('/$batch', BATCH)).rejects.toMatchObject({ code: 'graph_throttled', status: 503, attempts: 1, retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('passes a token failure through as it is, without calling Graph', async () => {
    const http = createGraphHttp({ kind: 'person', getAccessToken: async () => { throw new ConsentRequiredError('delegated', 'invalid_grant'); } }, { root: fake.root });
    await expect(http.post('/$batch', BATCH)).rejects.toMatchObject({ code: 'consent_required', reason: 'invalid_grant' });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a permission 403 as consent and tells the app context which call was refused', async () => {
    fake.handle(() => ({ status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } } }));
    const refused: { method: string; path: string }[] = [];
    const http = createGraphHttp({ kind: 'app', getAccessToken: async () => 't', onPermissionRefused: (call) => refused.push(call) }, { root: fake.root });
    await expect(http.post('/$batch', BATCH)).rejects.toMatchObject({ code: 'consent_required', permissionType: 'application', reason: 'ErrorAccessDenied' });
    expect(refused).toEqual([{ method: 'POST', path: '/$batch' }]);
  });

  it('reports an unreachable Graph as GraphRequestError (network_error)', async () => {
    const { http } = testGraphHttp('http://127.0.0.1:9/v1.0');
    await expect(http.post('/$batch', BATCH)).rejects.toMatchObject({ graphCode: 'network_error', status: 0 });
  });
});

/**
 * The same answers through the graph client (`POST /me/events` still goes through it) and the
 * direct path (`POST /$batch`): the same values and the same errors.
 */
describe('the direct path answers as the graph client does', () => {
  const cases: [string, FakeAnswer][] = [
    ['200 JSON', { status: 200, body: { responses: [{ id: '1', status: 200 }] } }],
    ['201 JSON', { status: 201, body: { id: 'x' } }],
    ['200 JSON with a byte order mark', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, raw: '\ufeff{"a":1}' }],
    ['204', { status: 204 }],
    ['200 not JSON', { status: 200, headers: { 'content-type': 'application/json' }, raw: '{"value": [' }],
    ['200 empty JSON', { status: 200, headers: { 'content-type': 'application/json' }, raw: '' }],
    ['400 with Graph error', { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid batch payload format.' } } }],
    ['400 with text', { status: 400, headers: { 'content-type': 'text/plain' }, raw: 'bad request' }],
    ['400 with broken JSON', { status: 400, headers: { 'content-type': 'application/json' }, raw: '{"error":' }],
    ['401 without body', { status: 401 }],
    ['403 permission', { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } }],
    ['403 Forbidden, empty message', { status: 403, body: { error: { code: 'Forbidden', message: '' } } }],
    ['403 policy', { status: 403, body: { error: { code: 'Forbidden', message: 'The scope of this meeting does not allow a change.' } } }],
    ['404', { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } } }],
    ['500 HTML', { status: 500, headers: { 'content-type': 'text/html' }, raw: '<html>oops</html>' }],
    ['429 left after the retries', { status: 429, headers: { 'Retry-After': '1' } }],
  ];

  const outcome = async (path: string, answer: FakeAnswer) => {
    fake.handle(() => answer);
    const { http, sleeps } = testGraphHttp(fake.root, { retry: { maxRetries: 1 } });
    try {
      return { value: await http.post(path, { requests: [] }), sleeps };
    } catch (error) {
      const e = error as Error & Record<string, unknown>;
      return { error: { type: e.constructor.name, message: e.message, code: e['code'], status: e['status'], graphCode: e['graphCode'], attempts: e['attempts'], retryAfterMs: e['retryAfterMs'], reason: e['reason'] }, sleeps };
    }
  };

  it.each(cases)('%s', async (_name, answer) => {
    const library = await outcome('/me/events', answer);
    const direct = await outcome('/$batch', answer);
    expect(direct).toEqual(library);
  });
});
