/**
 * Every /api route, every way a token can be wrong: all 401, with the reason's code, and the
 * token never in an answer or a log line. The server runs in Microsoft 365 mode (Entra issuers,
 * audiences and tenant allow-list from the configuration) with its real validator; only the key
 * set is a local one, so tests can sign tokens as Entra would — and as an attacker would.
 */
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/src/app';
import { createTestIssuer, type TestIssuer } from '../../../server/src/auth/test-issuer';
import { createTokenValidator } from '../../../server/src/auth/token-validator';
import { entraTokenValidatorOptions } from '../../../server/src/auth/validator-presets';
import { loadConfig } from '../../../server/src/config';
import { ConsentRequiredError } from '../../../server/src/graph/errors';
import { selfBaseUrl } from '../../../server/src/plugins/self-url';
import { captureLogs, type LogCapture } from './support/log-capture';
import { sendBytes } from './support/raw-http';
import { apiRoutes, fillPath, routeName, type ApiRoute } from './support/route-table';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../../../server/src/demo/teams';

const TENANT = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER_TENANT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const CLIENT_ID = 'd1b2c3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const TAB_DOMAIN = 'unplug.contoso.com';
const OID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

interface Variant {
  name: string;
  code: string;
  /** The token to send (also the one that must never be echoed or logged). */
  token?: string;
  /** How it is sent. */
  headers(token: string | undefined): Record<string, string>;
  query?: (token: string) => string;
}

let app: FastifyInstance;
let base: string;
let logs: LogCapture;
let routes: ApiRoute[];
let issuer: TestIssuer;
let valid: string;
let variants: Variant[];

const seconds = () => Math.floor(Date.now() / 1000);
const claims = (overrides: JWTPayload = {}): JWTPayload => {
  const now = seconds();
  return {
    aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: OID,
    scp: 'access_as_user', name: 'Ada Admin', preferred_username: 'ada@contoso.com', roles: ['Unplug.Admin'],
    iat: now - 60, nbf: now - 60, exp: now + 3600, ver: '2.0',
    ...overrides,
  };
};
const bearer = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });

beforeAll(async () => {
  issuer = await createTestIssuer('entra-signing-key');
  const impostor = await createTestIssuer('entra-signing-key'); // same kid, another key
  const config = loadConfig({
    DATA_DIR: 'memory://', LOG_LEVEL: 'trace', JOBS: 'off',
    ENTRA_CLIENT_ID: CLIENT_ID, ENTRA_CLIENT_SECRET: 'not-used-here', TAB_DOMAIN, ENTRA_TENANT_IDS: TENANT,
  });
  logs = captureLogs();
  const noConsent = (kind: 'delegated' | 'application') => async () => { throw new ConsentRequiredError(kind, 'no Graph in this test'); };
  app = await buildApp(config, {
    logStream: logs.stream,
    platform: {
      validator: createTokenValidator({ ...entraTokenValidatorOptions(config.entra!), jwks: { getKey: createLocalJWKSet(issuer.jwks) } }),
      // Never reach Microsoft from a test: a valid caller of a Graph route gets consent_required.
      tokens: { onBehalfOf: noConsent('delegated'), appOnly: noConsent('application') },
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = selfBaseUrl(app);
  routes = apiRoutes(app);
  valid = await issuer.sign(claims());

  const now = seconds();
  const signed = async (name: string, code: string, overrides: JWTPayload): Promise<Variant> =>
    ({ name, code, token: await issuer.sign(claims(overrides)), headers: bearer });
  variants = [
    { name: 'no token', code: 'token_missing', headers: () => ({}) },
    { name: 'a malformed token', code: 'token_malformed', token: 'not-a-jwt', headers: bearer },
    { name: 'a token with two parts', code: 'token_malformed', token: valid.split('.').slice(0, 2).join('.'), headers: bearer },
    { name: 'a tampered payload', code: 'token_signature_invalid', token: `${valid.split('.')[0]}.${Buffer.from(JSON.stringify(claims({ oid: 'someone-else' }))).toString('base64url')}.${valid.split('.')[2]}`, headers: bearer },
    { name: 'alg none', code: 'token_signature_invalid', token: new UnsecuredJWT(claims()).encode(), headers: bearer },
    { name: 'a token signed by another key', code: 'token_signature_invalid', token: await impostor.sign(claims()), headers: bearer },
    await signed('the wrong audience', 'token_audience_invalid', { aud: `api://evil.example/${CLIENT_ID}` }),
    await signed('a tenant outside the allow-list', 'tenant_not_allowed', { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    await signed('an expired token', 'token_expired', { iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
    await signed('a token not yet valid', 'token_not_yet_valid', { iat: now, nbf: now + 3600, exp: now + 7200 }),
    await signed('a token without access_as_user', 'token_scope_missing', { scp: 'User.Read Calendars.Read' }),
    { name: 'the token in the query string', code: 'token_missing', token: valid, headers: () => ({}), query: (t) => `access_token=${t}` },
    { name: 'the token in the query string as ?token=', code: 'token_missing', token: valid, headers: () => ({}), query: (t) => `token=${encodeURIComponent(t)}` },
  ];
});
afterAll(() => app?.close());

const params = { id: 'sg_0123456789abcdef', teamId: CUSTOMER_SUCCESS_TEAM_ID };

async function call(route: ApiRoute, headers: Record<string, string>, query?: string) {
  const withBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
  const res = await fetch(`${base}${fillPath(route, params)}${query ? `?${query}` : ''}`, {
    method: route.method,
    headers: { ...headers, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { body: '{}' } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, challenge: res.headers.get('www-authenticate') };
}

/** Every part of a token that would give it away: the whole, and its payload and signature. */
const secretsOf = (token: string): string[] => [token, ...token.split('.').slice(1).filter((part) => part.length >= 16)];

describe('tokens, on every /api route', () => {
  it('finds the API routes in the route table', () => {
    const names = routes.map(routeName);
    expect(names).toEqual(expect.arrayContaining([
      'GET /api/me', 'GET /api/me/balance', 'POST /api/me/suggestions/:id/accept', 'DELETE /api/me/data',
      'PUT /api/admin/policy', 'GET /api/teams/:teamId/balance',
    ]));
    expect(routes.length).toBeGreaterThanOrEqual(14);
  });

  it('lets a valid token through on every route (the refusals below are about the token)', async () => {
    for (const route of routes) {
      const res = await call(route, bearer(valid));
      expect(res.status, routeName(route)).not.toBe(401);
      expect(res.status, routeName(route)).toBeLessThan(500);
    }
  });

  it('refuses every bad token on every route with 401, the reason, and a Bearer challenge', async () => {
    let tried = 0;
    for (const variant of variants) {
      for (const route of routes) {
        const res = await call(route, variant.headers(variant.token), variant.query?.(variant.token ?? ''));
        const where = `${variant.name}: ${routeName(route)}`;
        expect(res.status, where).toBe(401);
        expect(JSON.parse(res.text), where).toEqual({ error: { code: variant.code, message: expect.any(String) } });
        expect(res.challenge, where).toMatch(/^Bearer/);
        if (variant.token) for (const secret of secretsOf(variant.token)) expect(res.text, where).not.toContain(secret);
        tried += 1;
      }
    }
    expect(tried).toBe(variants.length * routes.length);
  });

  it('answers requests that fail before any route in the same shape, with the token in the header', async () => {
    const request = (line: string, extra = '') => Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${valid}\r\n${extra}Connection: close\r\n\r\n`);
    for (const [bytes, status, code] of [
      [request('GET /api/me HTTP/1.1', 'A broken header line\r\n'), 400, 'bad_request'],
      [request('GET /api/me/%zz HTTP/1.1'), 400, 'invalid_url'],
      [request(`POST /api/me/suggestions/${'a'.repeat(1_000)}/dismiss HTTP/1.1`), 414, 'url_too_long'],
      [request('GET /api/me HTTP/1.1', `X-Filler: ${'a'.repeat(20_000)}\r\n`), 431, 'headers_too_large'],
    ] as const) {
      const answer = await sendBytes(base, bytes);
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ error: { code, message: expect.any(String) } });
      for (const secret of secretsOf(valid)) expect(answer.text).not.toContain(secret);
    }
  });

  it('logs every request, and no log line holds a token or any part of one', () => {
    const lines = logs.lines();
    // Each request is logged on arrival and completion (level trace): the log was really read.
    expect(lines.length).toBeGreaterThanOrEqual(2 * (variants.length + 1) * routes.length);
    expect(lines.some((l) => l.includes('"statusCode":401'))).toBe(true);
    // The query string's names are logged, its values are not.
    expect(lines.some((l) => l.includes('access_token=…'))).toBe(true);
    const secrets = [valid, ...variants.map((v) => v.token).filter((t): t is string => t !== undefined && t.length > 20)].flatMap(secretsOf);
    for (const line of lines) {
      // Node attaches the raw request bytes (headers included) to a parse error: never logged.
      expect(line).not.toContain('rawPacket');
      for (const secret of secrets) expect(line.includes(secret), line.slice(0, 200)).toBe(false);
    }
    console.info(`tokens: ${variants.length} bad tokens × ${routes.length} routes refused with 401; ${lines.length} log lines (level trace) hold no token`);
  });
});
