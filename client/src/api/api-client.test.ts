import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError, parseRetryAfter } from './api-error';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: () => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {} });
    return respond();
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const headersOf = (sent: Sent | undefined) => new Headers(sent?.init.headers);

describe('createApiClient', () => {
  it('sends the token as a Bearer header and never in the URL', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { ok: true }));
    const api = createApiClient({ getToken: async () => 'tok.en.value', fetch });
    const result = await api.get<{ ok: boolean }>('/api/me/balance', { query: { from: '2025-03-03', to: undefined } });
    expect(result).toEqual({ ok: true });
    expect(sent[0]?.url).toBe('/api/me/balance?from=2025-03-03');
    expect(sent[0]?.url).not.toContain('tok.en.value');
    expect(headersOf(sent[0]).get('Authorization')).toBe('Bearer tok.en.value');
  });

  it('sends JSON bodies and reads empty answers as undefined', async () => {
    const { fetch, sent } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ getToken: async () => 't', fetch, baseUrl: 'https://unplug.test' });
    await expect(api.post('/api/me/suggestions/s1/dismiss', { reason: 'busy' })).resolves.toBeUndefined();
    expect(sent[0]?.url).toBe('https://unplug.test/api/me/suggestions/s1/dismiss');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.body).toBe('{"reason":"busy"}');
    expect(headersOf(sent[0]).get('Content-Type')).toBe('application/json');
  });

  it('turns the error body into an ApiError with its code', async () => {
    const { fetch } = fakeFetch(() => json(403, { error: { code: 'consent_required', message: 'Grant access first.' } }));
    const api = createApiClient({ getToken: async () => 't', fetch });
    const error = await api.get('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'consent_required', message: 'Grant access first.' });
  });

  it('keeps Retry-After on rate limits', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'Retry-After': '7' }));
    const api = createApiClient({ getToken: async () => 't', fetch });
    await expect(api.put('/api/me/preferences', {})).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
  });

  it('names answers that are not the error shape', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const api = createApiClient({ getToken: async () => 't', fetch });
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
  });

  it('reports a network failure without a status', async () => {
    const fetch = (async () => { throw new TypeError('Failed to fetch'); }) as typeof globalThis.fetch;
    const api = createApiClient({ getToken: async () => 't', fetch });
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('does not call the server without a token', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, {}));
    const api = createApiClient({ getToken: async () => { throw new Error('FailedToOpenWindow'); }, fetch });
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'token_unavailable' });
    expect(sent).toHaveLength(0);
  });

  it('refuses paths outside /api', async () => {
    const { fetch } = fakeFetch(() => json(200, {}));
    const api = createApiClient({ getToken: async () => 't', fetch });
    await expect(api.get('https://elsewhere.example/api/me')).rejects.toThrow(/start with \/api\//);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-03-03T10:00:00Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['12', 12],
    ['Mon, 03 Mar 2025 10:00:30 GMT', 30],
    ['Mon, 03 Mar 2025 09:00:00 GMT', 0],
    ['soon', undefined],
  ])('%s → %s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });

  describe('claims challenge (MFA / Conditional Access)', () => {
    const CLAIMS = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    const challenge = () => json(401, { error: { code: 'claims_challenge', message: 'Sign in again.', claims: CLAIMS } }, { 'WWW-Authenticate': 'Bearer error="insufficient_claims"' });

    it('asks the token source again with the claims, retries once, and never calls it consent', async () => {
      const answers = [challenge(), json(200, { ok: true })];
      const { fetch, sent } = fakeFetch(() => answers.shift()!);
      const requests: unknown[] = [];
      const api = createApiClient({ fetch, getToken: async (request) => { requests.push(request); return request?.claims ? 'stepped-up' : 'plain'; } });
      await expect(api.get('/api/me/balance')).resolves.toEqual({ ok: true });
      expect(requests).toEqual([undefined, { claims: [CLAIMS] }]);
      expect(sent.map((s) => headersOf(s).get('Authorization'))).toEqual(['Bearer plain', 'Bearer stepped-up']);
    });

    it('gives up after one retry with the claims, as claims_challenge with the claims', async () => {
      const { fetch, sent } = fakeFetch(() => challenge());
      const api = createApiClient({ fetch, getToken: async () => 't' });
      const error = await api.get('/api/me/balance').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 401, code: 'claims_challenge', claims: CLAIMS });
      expect(sent).toHaveLength(2);
    });
  });
});
