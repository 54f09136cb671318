/**
 * Bad input, on every /api route and on the public routes Graph posts notifications to: seeded property-based fuzzing of path parameters, query strings
 * and bodies from each route's own schema (valid, nearly valid and hostile values), then a fixed
 * set of attacks no generator finds by chance (oversize and chunked bodies, invalid UTF-8, deep
 * nesting with prototype keys, raw bytes on the request line). Never a 5xx; every refusal is a 4xx
 * with `{ error: { code, message } }`; the process keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../api/api-harness';
import { asText, BROKEN_ENCODINGS, encodeAny, valueFor, type JsonSchema } from './support/input-arbitraries';
import { closeRawAgent, send, sendBytes, type RawAnswer, type RawRequest } from './support/raw-http';
import { apiRoutes, routeName, routesUnder, type ApiRoute } from './support/route-table';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../../../server/src/demo/teams';

/** Seeded: every run tries the same inputs (change the seed to explore further). */
const SEED = 20_260_310;
/** Fuzzed requests per route (interleaved across routes, so state changes meet other routes). */
const RUNS_PER_ROUTE = 60;

interface Operation {
  route: ApiRoute;
  params: Record<string, JsonSchema>;
  query: Record<string, JsonSchema>;
  body: JsonSchema | undefined;
}

interface Tally { tried: number; statuses: Map<number, number> }

let h: ApiHarness;
let token: string;
let operations: Operation[];
let suggestionIds: string[];
const tally = new Map<string, Tally>();

/**
 * Where Graph posts change and lifecycle notifications: public (no bearer token), so fuzzed too.
 * The shape Graph sends, for near-valid bodies (the routes declare none: the gateway parses them).
 */
const NOTIFICATION_QUERY: Record<string, JsonSchema> = { validationToken: { type: 'string', maxLength: 4096 } };
const NOTIFICATION_BODY: JsonSchema = {
  type: 'object', required: ['value'],
  properties: {
    value: {
      type: 'array',
    },
  },
};
const NOTIFICATION_ITEM: JsonSchema = {
  type: 'object', required: ['subscriptionId'],
  properties: {
    subscriptionId: { type: 'string', maxLength: 60 }, clientState: { type: 'string', maxLength: 60 }, tenantId: { type: 'string', maxLength: 40 },
    changeType: { enum: ['updated', 'created', 'deleted'] }, resource: { type: 'string', pattern: '^communications/presences/[0-9a-f-]{36}$' },
    lifecycleEvent: { enum: ['reauthorizationRequired', 'subscriptionRemoved', 'missed', 'unknown'] },
    resourceData: { type: 'object', properties: { id: { type: 'string', maxLength: 40 }, availability: { type: 'string' } } },
  },
};

/** The route's schemas from the OpenAPI document (a route missing from it is fuzzed blind). */
function operationsOf(): Operation[] {
  const doc = h.app.swagger() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> };
  const notifications = routesUnder(h.app, '/notifications/').map((route) => ({ route, params: {}, query: NOTIFICATION_QUERY, body: NOTIFICATION_BODY }));
  return [...notifications, ...apiRoutes(h.app).map((route) => {
    const docPath = Object.keys(doc.paths).find((p) => p.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '') === route.path);
    const op = docPath ? doc.paths[docPath]?.[route.method.toLowerCase()] : undefined;
    const pick = (where: string) => Object.fromEntries((op?.parameters ?? []).filter((p) => p.in === where).map((p) => [p.name, p.schema]));
    return {
      route,
      params: { ...Object.fromEntries(route.params.map((p) => [p, { type: 'string' }])), ...pick('path') },
      query: pick('query'),
      body: op?.requestBody?.content?.['application/json']?.schema,
    };
  })];
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1'];

/** Bodies that are not what any schema describes, as bytes. */
const RAW_BODIES: Buffer[] = [
  Buffer.from(''), Buffer.from('null'), Buffer.from('[]'), Buffer.from('"text"'), Buffer.from('{'), Buffer.from('{"a":'), Buffer.from('{not json}'),
  Buffer.from('\ufeff{}'), Buffer.from('{"blockSubject":"a"}{"blockSubject":"b"}'),
  Buffer.concat([Buffer.from('{"blockSubject":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  Buffer.from([0x7b, 0x22, 0x80, 0x81, 0x22, 0x3a, 0x31, 0x7d]),
  Buffer.from('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}'),
];

function requestFor(op: Operation): fc.Arbitrary<RawRequest> {
  const param = (name: string) => fc.oneof(
    { arbitrary: valueFor(op.params[name] ?? { type: 'string' }).map((v) => encodeAny(asText(v))), weight: 6 },
    { arbitrary: fc.constantFrom(...BROKEN_ENCODINGS), weight: 1 },
    { arbitrary: fc.constantFrom(...(suggestionIds.length > 0 ? suggestionIds : ['none']), CUSTOMER_SUCCESS_TEAM_ID), weight: 2 },
  );
  const params = fc.record(Object.fromEntries(op.route.params.map((p) => [p, param(p)])) as Record<string, fc.Arbitrary<string>>);
  const knownKeys = Object.keys(op.query);
  const queryPair = fc.oneof(
    ...(knownKeys.length > 0 ? [{ arbitrary: fc.constantFrom(...knownKeys).chain((k) => valueFor(op.query[k]!).map((v) => `${k}=${encodeAny(asText(v))}`)), weight: 6 }] : []),
    { arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })).map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...(knownKeys.length > 0 ? knownKeys : ['q'])), fc.constantFrom(...BROKEN_ENCODINGS)).map(([k, v]) => `${k}=${v}`), weight: 1 },
  );
  const query = fc.array(queryPair, { maxLength: 4 }).map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : ''));
  const jsonBody = op.body === NOTIFICATION_BODY
    ? fc.record({ value: fc.array(valueFor(NOTIFICATION_ITEM), { maxLength: 5 }) }).map((v) => Buffer.from(JSON.stringify(v)))
    : op.body ? valueFor(op.body).map((v) => Buffer.from(JSON.stringify(v) ?? '')) : fc.constant(Buffer.from('{}'));
  const body = fc.oneof(
    { arbitrary: jsonBody, weight: op.body ? 8 : 1 },
    { arbitrary: fc.constantFrom(...RAW_BODIES), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: op.body ? 1 : 4 },
  );
  const contentType = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 8 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 });
  return fc.record({ params, query, body, contentType }).map(({ params: values, query: q, body: b, contentType: type }) => ({
    method: op.route.method,
    path: op.route.path.replace(/:(\w+)/g, (_all, name: string) => values[name] ?? 'x') + q,
    headers: { authorization: `Bearer ${token}`, ...(b !== undefined ? { 'content-type': type } : {}) },
    ...(b !== undefined ? { body: b } : {}),
  }));
}

function count(route: string, status: number): void {
  const t = tally.get(route) ?? { tried: 0, statuses: new Map() };
  t.tried += 1;
  t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
  tally.set(route, t);
}

/** The one rule of this file: no 5xx, and every refusal says what was wrong. */
function expectHandled(answer: RawAnswer, what: string): void {
  expect(answer.status, what).toBeGreaterThanOrEqual(200);
  expect(answer.status, `${what} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    let parsed: unknown;
    expect(() => (parsed = JSON.parse(answer.text)), `${what}: a JSON error body, got ${answer.text.slice(0, 200)}`).not.toThrow();
    expect(parsed, what).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }) });
    expect((parsed as { error: { message: string } }).error.message.length, what).toBeGreaterThan(5);
  }
}

const describeRequest = (r: RawRequest) => `${r.method} ${r.path.slice(0, 200)} [${r.headers?.['content-type'] ?? '-'}] ${Buffer.isBuffer(r.body) ? r.body.subarray(0, 200).toString() : ''}`;

beforeAll(async () => {
  h = await startApiHarness({ api: { ratePerMinute: 100_000 } });
  // An admin, so the admin routes are fuzzed past their role check too.
  const candidates = await Promise.all(h.people.filter((p) => p.displayName !== 'Lukas Meyer').map((p) => h.tokenFor(p.id)));
  token = candidates.find((t) => h.isAdmin(t)) ?? candidates[0]!;
  operations = operationsOf();
  suggestionIds = ((await h.api(token, 'GET', '/api/me/suggestions?days=10')).body.suggestions as { id: string }[]).map((s) => s.id);
  await h.api(token, 'PUT', `/api/teams/${CUSTOMER_SUCCESS_TEAM_ID}/membership`);
});
afterAll(async () => {
  closeRawAgent();
  await h?.close();
});

describe('bad input on every /api route', () => {
  it('fuzzes path parameters, query strings and bodies from the schemas: never a 5xx, always a coded 4xx', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
    expect(suggestionIds.length).toBeGreaterThan(0);
    // Each route's request arbitrary is built once: building one (fast-check parses every schema
    // pattern and prepares its strings) costs far more than drawing a value from it.
    const requestsFor = new Map(operations.map((op) => [op, requestFor(op)]));
    const anyRequest = fc.constantFrom(...operations).chain((op) => requestsFor.get(op)!.map((request) => ({ op, request })));
    await fc.assert(
      fc.asyncProperty(anyRequest, async ({ op, request }) => {
        const answer = await send(h.base, request);
        count(routeName(op.route), answer.status);
        expectHandled(answer, describeRequest(request));
      }),
      { seed: SEED, numRuns: RUNS_PER_ROUTE * operations.length, endOnFailure: true },
    );
    for (const op of operations) expect(tally.get(routeName(op.route))?.tried ?? 0, routeName(op.route)).toBeGreaterThan(RUNS_PER_ROUTE / 3);
  }, 120_000); // the runs grow with every route; a loaded machine needs more than the default 30 s

  it('survives the attacks no generator finds by chance, on every route', async () => {
    const longQuery = `from=${'9'.repeat(12_000)}`;
    for (const op of operations) {
      const path = op.route.path.replace(/:(\w+)/g, 'x');
      const auth = { authorization: `Bearer ${token}` };
      const json = { ...auth, 'content-type': 'application/json' };
      const attacks: [string, RawRequest][] = [
        ['oversize body', { method: op.route.method, path, headers: json, body: JSON.stringify({ blockSubject: 'x'.repeat(70_000) }) }],
        ['oversize chunked body', { method: op.route.method, path, headers: json, body: [Buffer.alloc(40_000, 0x20), Buffer.alloc(40_000, 0x20)] }],
        ['deep array nesting', { method: op.route.method, path, headers: json, body: `${'['.repeat(30_000)}${']'.repeat(30_000)}` }],
        ['deep nesting under prototype keys', { method: op.route.method, path, headers: json, body: `${'{"constructor":'.repeat(4_000)}1${'}'.repeat(4_000)}` }],
        ['deep nesting under __proto__', { method: op.route.method, path, headers: json, body: `${'{"__proto__":'.repeat(4_000)}1${'}'.repeat(4_000)}` }],
        ['a 12 kB query value', { method: op.route.method, path: `${path}?${longQuery}`, headers: auth }],
        ['a 5,000-character path parameter', { method: op.route.method, path: op.route.path.replace(/:(\w+)/g, 'a'.repeat(5_000)), headers: auth }],
        ['a body without a content type', { method: op.route.method, path, headers: auth, body: '{}' }],
        ['an empty JSON body', { method: op.route.method, path, headers: { ...json, 'content-length': '0' }, body: '' }],
        ['a content length that lies', { method: op.route.method, path, headers: { ...json, 'content-length': '2' }, body: '{}' }],
      ];
      for (const [name, request] of attacks) {
        const answer = await send(h.base, request).catch((error: Error) => ({ status: 0, headers: {}, text: error.message }));
        count(routeName(op.route), answer.status);
        expectHandled(answer, `${name}: ${routeName(op.route)}`);
      }
    }
  });

  it('answers what HTTP clients refuse to send: raw bytes, oversize headers', async () => {
    const auth = `Authorization: Bearer ${token}\r\n`;
    const raw = (requestLine: Buffer | string, extra = '') => Buffer.concat([
      Buffer.isBuffer(requestLine) ? requestLine : Buffer.from(requestLine),
      Buffer.from(`\r\nHost: 127.0.0.1\r\n${auth}${extra}Connection: close\r\n\r\n`),
    ]);
    const cases: [string, Buffer][] = [
      ['non-ASCII bytes in the query', raw(Buffer.concat([Buffer.from('GET /api/me/balance?from='), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' HTTP/1.1')]))],
      ['non-ASCII bytes in the path', raw(Buffer.concat([Buffer.from('POST /api/me/suggestions/'), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from('/dismiss HTTP/1.1')]))],
      ['a 40 kB query string', raw(`GET /api/me/balance?from=${'1'.repeat(40_000)} HTTP/1.1`)],
      ['a 40 kB header', raw('GET /api/me HTTP/1.1', `X-Filler: ${'a'.repeat(40_000)}\r\n`)],
      ['a broken header line', raw('GET /api/me HTTP/1.1', 'Broken header without colon\r\n')],
    ];
    for (const [name, bytes] of cases) {
      const answer = await sendBytes(h.base, bytes);
      expect(answer.status, name).toBeGreaterThanOrEqual(400);
      expectHandled(answer, name);
    }
  });

  it('keeps serving: health, and a valid request, after all of it', async () => {
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.base}/readyz`)).status).toBe(200);
    const me = await h.api(token, 'GET', '/api/me');
    expect(me.status).toBe(200);
    const tried = [...tally.values()].reduce((n, t) => n + t.tried, 0);
    const statuses = new Map<number, number>();
    for (const t of tally.values()) for (const [s, n] of t.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
    console.info(`bad input: ${tried} requests over ${tally.size} routes; statuses ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  });
});
