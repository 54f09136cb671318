import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness';

describe('authentication, errors, rate limit and the OpenAPI document', () => {
  let h: ApiHarness;
  let token: string;

  beforeAll(async () => {
    h = await startApiHarness({ api: { ratePerMinute: 8 } });
    token = await h.tokenFor(h.people[0]!.id);
  });
  afterAll(() => h?.close());

  it.each([
    ['no token', {}],
    ['not a bearer token', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a malformed token', { authorization: 'Bearer not.a.jwt' }],
  ])('answers 401 for %s', async (_name, headers) => {
    const res = await fetch(`${h.base}/api/me`, { headers });
    expect(res.status).toBe(401);
    const body = await res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^token_/);
  });

  it('never accepts a token in the query string', async () => {
    const res = await fetch(`${h.base}/api/me?access_token=${token}`);
    expect(res.status).toBe(401);
  });

  it('checks the token before anything else: a bad body without a token is still 401', async () => {
    const res = await fetch(`${h.base}/api/me/preferences`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(401);
  });

  it('answers bad JSON and oversize bodies with 400/413 and a code', async () => {
    const bad = await fetch(`${h.base}/api/me/preferences`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await bad.json() as { error: { code: string } }).error.code).toBe('invalid_body');
    const huge = await fetch(`${h.base}/api/me/preferences`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ blockSubject: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
    expect((await huge.json() as { error: { code: string } }).error.code).toBe('body_too_large');
  });

  it('limits each person separately, with Retry-After', async () => {
    const other = await h.tokenFor(h.people[1]!.id);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await h.api(token, 'GET', '/api/me/preferences'));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.error.code).toBe('rate_limited');
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.api(other, 'GET', '/api/me/preferences')).status).toBe(200);
  });

  it('turns missing consent into 403 consent_required (the tab shows a consent button)', async () => {
    const unconsented = h.people.find((p) => p.displayName === 'Lukas Meyer');
    expect(unconsented).toBeDefined();
    const started = performance.now();
    const res = await h.api(await h.tokenFor(unconsented!.id), 'GET', '/api/me/balance');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('consent_required');
    // At once: Entra's AADSTS65001 is not retried (it used to wait 0.5 + 1 + 2 s first).
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('passes a Conditional Access claims challenge to the tab as 401 claims_challenge with the claims, and serves a token got with them', async () => {
    const someone = h.people.find((p) => p.displayName === 'Maya Thompson')!;
    const setMfa = (mfaRequired: boolean) => fetch(`${h.base}/demo/identity/conditional-access`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: someone.id, mfaRequired }) });
    expect((await setMfa(true)).ok).toBe(true);
    try {
      const challenged = await h.api(await h.tokenFor(someone.id), 'GET', '/api/me/balance');
      expect(challenged.status).toBe(401);
      expect(challenged.body.error.code).toBe('claims_challenge');
      const claims = challenged.body.error.claims as string;
      expect(JSON.parse(claims)).toEqual({ access_token: { acrs: { essential: true, value: 'c1' } } });
      expect(challenged.headers.get('www-authenticate')).toContain('error="insufficient_claims"');

      // What getAuthToken({ claims: [claims] }) gives the tab after the MFA prompt.
      const res = await fetch(`${h.base}/demo/identity/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: someone.id, claims: [claims] }) });
      const stepUp = (await res.json() as { access_token: string }).access_token;
      expect((await h.api(stepUp, 'GET', '/api/me/balance')).status).toBe(200);
    } finally {
      await setMfa(false);
    }
  });

  it('says which platform it runs against at /mode, without a token', async () => {
    const res = await fetch(`${h.base}/mode`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode: 'demo' });
  });

  it('says at /api/me/access who may use the admin page: the app role, or a Teams Administrator by wids', async () => {
    const withRole = h.people.find((p) => p.displayName === 'Jordan Ellis')!; // not people[0], whom the rate-limit test used up
    const teamsAdmin = h.people.find((p) => p.displayName === 'Hannah Becker')!;
    const member = h.people.find((p) => p.displayName === 'Mateo Silva')!;
    const access = async (id: string) => (await h.api(await h.tokenFor(id), 'GET', '/api/me/access')).body as { isAdmin: boolean; userId: string };
    expect(await access(withRole.id)).toMatchObject({ isAdmin: true, userId: withRole.id });
    expect(await access(teamsAdmin.id)).toMatchObject({ isAdmin: true });
    expect(await access(member.id)).toMatchObject({ isAdmin: false });
    // Hannah has no app role: only wids lets her in, and the admin routes agree.
    expect(h.isAdmin(await h.tokenFor(teamsAdmin.id))).toBe(false);
    expect((await h.api(await h.tokenFor(teamsAdmin.id), 'GET', '/api/admin/policy')).status).toBe(200);
  });

  it('describes every API route in the OpenAPI document at /docs', async () => {
    const doc = await (await fetch(`${h.base}/docs/json`)).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(expect.arrayContaining([
      'GET /api/me/', 'GET /api/me/balance', 'GET /api/me/suggestions', 'POST /api/me/suggestions/{id}/accept',
      'POST /api/me/suggestions/{id}/dismiss', 'GET /api/me/preferences', 'PUT /api/me/preferences', 'GET /api/me/quiet-time',
      'PUT /api/me/quiet-time', 'GET /api/me/export', 'DELETE /api/me/data', 'GET /api/admin/policy', 'PUT /api/admin/policy',
      'GET /api/teams/{teamId}/balance', 'GET /api/me/access', 'GET /mode',
    ]));
    expect((await fetch(`${h.base}/docs`)).status).toBeLessThan(400);
  });
});
