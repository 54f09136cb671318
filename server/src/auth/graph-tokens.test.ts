import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClaimsChallengeError, ConsentRequiredError } from '../graph/errors';
import { DEMO_AUTHORITY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../demo/constants';
import { demoGraphTokensOptions, demoNetworkClient } from './demo-identity';
import { createGraphTokens, TokenAcquisitionError, type GraphTokensOptions } from './graph-tokens';

/**
 * MSAL runs for real here, against a small fake authority on a loopback listener at the demo
 * identity's paths, reached through the demo network client. Each test scripts its answers.
 */
const TENANT = '7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f';

interface TokenRequest { path: string; form: URLSearchParams }
type Answer = { status: number; body: Record<string, unknown> };

let server: Server;
let baseUrl: string;
let requests: TokenRequest[] = [];
let answers: Answer[] = [];

const ok = (token: string): Answer => ({ status: 200, body: { token_type: 'Bearer', access_token: token, expires_in: 3600, ext_expires_in: 3600 } });
const noConsent: Answer = {
  status: 400,
  body: {
    error: 'invalid_grant',
    error_description: "AADSTS65001: The user or administrator has not consented to use the application with ID 'c0ffee00'. Send an interactive authorization request for this user and resource.",
    error_codes: [65001],
    suberror: 'consent_required',
  },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', form: new URLSearchParams(raw) });
      const answer = answers.shift() ?? { status: 500, body: { error: 'server_error', error_description: 'no scripted answer' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
  answers = [];
});

function tokens(extra: Partial<GraphTokensOptions> = {}) {
  return createGraphTokens({ ...demoGraphTokensOptions(() => baseUrl), ...extra });
}

/** A token answer for one person, with `client_info` as Entra sends it (MSAL's account id `<oid>.<tid>`). */
const okFor = (oid: string, token: string): Answer => ({
  status: 200,
  body: { ...ok(token).body, refresh_token: `refresh-${oid}`, client_info: Buffer.from(JSON.stringify({ uid: oid, utid: TENANT })).toString('base64url') },
});

/** Entra's answer to on-behalf-of when a Conditional Access policy wants MFA (the OBO page's error example). */
const MFA_CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["9ab03e19-ed42-4168-b6b7-7001fb3e933a"]}}}';
const mfaRequired: Answer = {
  status: 400,
  body: {
    error: 'interaction_required',
    error_description: 'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
    error_codes: [50076],
    suberror: 'basic_action',
    claims: MFA_CLAIMS,
  },
};

describe('createGraphTokens (MSAL against a local authority)', () => {
  it('exchanges the SSO token on behalf of the person in one POST, then serves it from the cache', async () => {
    answers = [ok('graph-token-1')];
    const graphTokens = tokens();
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.one')).resolves.toBe('graph-token-1');
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.one')).resolves.toBe('graph-token-1');
    expect(requests).toHaveLength(1);
    const [{ path, form }] = requests as [TokenRequest];
    expect(path.split('?')[0]).toBe(`/demo/identity/${TENANT}/oauth2/v2.0/token`);
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('requested_token_use')).toBe('on_behalf_of');
    expect(form.get('assertion')).toBe('sso.assertion.one');
    expect(form.get('client_id')).toBe(DEMO_CLIENT_ID);
    expect(form.get('client_secret')).toBe(DEMO_CLIENT_SECRET);
    expect(form.get('scope')?.split(' ')).toEqual(expect.arrayContaining([
      'https://graph.microsoft.com/Calendars.ReadWrite',
      'https://graph.microsoft.com/MailboxSettings.Read',
      'https://graph.microsoft.com/Presence.Read',
    ]));
  });

  it('skips the cache lookup only for someone with no tokens cached: a repeat is still served from the cache', async () => {
    answers = [ok('graph-token-1')];
    const spy = vi.spyOn(ConfidentialClientApplication.prototype, 'acquireTokenOnBehalfOf');
    try {
      const graphTokens = tokens();
      await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.first')).resolves.toBe('graph-token-1');
      await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.first')).resolves.toBe('graph-token-1');
      expect(requests).toHaveLength(1);
      expect(spy.mock.calls.map(([request]) => request.skipCache)).toEqual([true, undefined]);
    } finally {
      spy.mockRestore();
    }
  });

  it('asks again for a different assertion (another person or a renewed SSO token)', async () => {
    answers = [ok('a'), ok('b')];
    const graphTokens = tokens();
    await graphTokens.onBehalfOf(TENANT, 'sso.assertion.a');
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.b')).resolves.toBe('b');
    expect(requests).toHaveLength(2);
  });

  it('answers missing consent (AADSTS65001 consent_required) at once with ConsentRequiredError: one request, no waiting', async () => {
    answers = [noConsent, ok('never-asked-for')];
    const started = performance.now();
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'consent_required', statusCode: 403, permissionType: 'delegated' });
    expect(requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('passes a claims challenge (AADSTS50076 MFA) back as ClaimsChallengeError with the claims, not as consent', async () => {
    answers = [mfaRequired];
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.e').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimsChallengeError);
    expect(error).not.toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'claims_challenge', statusCode: 401, claims: MFA_CLAIMS, extra: { claims: MFA_CLAIMS } });
    const header = (error as ClaimsChallengeError).headers['WWW-Authenticate'];
    expect(header).toContain('error="insufficient_claims"');
    expect(header).toContain(`claims="${Buffer.from(MFA_CLAIMS).toString('base64')}"`);
    expect(requests).toHaveLength(1);
  });

  it('treats interaction_required without claims as a sign-in step (no claims), not as consent', async () => {
    answers = [{ status: 400, body: { error: 'interaction_required', error_description: 'AADSTS50079: Due to a configuration change made by your administrator, you must enroll in multi-factor authentication.', error_codes: [50079] } }];
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.e2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimsChallengeError);
    expect(error).toMatchObject({ claims: '', extra: {} });
  });

  it('does not mistake an expired assertion for missing consent, and does not retry it', async () => {
    answers = [{ status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS500133: Assertion is not within its valid time range.' } }];
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.f').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenAcquisitionError);
    expect(requests).toHaveLength(1);
  });

  it('fails with TokenAcquisitionError for a wrong client secret, without echoing the assertion', async () => {
    answers = [{ status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } }];
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.secret-looking').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenAcquisitionError);
    expect(String((error as Error).message)).not.toContain('secret-looking');
  });

  it('gets an app-only token with client credentials and the .default scope', async () => {
    answers = [ok('app-token')];
    const graphTokens = tokens();
    await expect(graphTokens.appOnly(TENANT)).resolves.toBe('app-token');
    await expect(graphTokens.appOnly(TENANT)).resolves.toBe('app-token');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.form.get('grant_type')).toBe('client_credentials');
    expect(requests[0]?.form.get('scope')).toBe('https://graph.microsoft.com/.default');
  });

  it('reports missing admin consent for app-only tokens as ConsentRequiredError (application)', async () => {
    answers = [{ status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS65001: The administrator has not consented.' } }];
    await expect(tokens().appOnly(TENANT)).rejects.toMatchObject({ code: 'consent_required', permissionType: 'application' });
  });
});

describe('the token cache stays bounded (partitioned by person)', () => {
  const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  it('keeps at most maxCachedPeople people, dropping the least recently served with all their tokens', async () => {
    const graphTokens = tokens({ maxCachedPeople: 2 });
    for (let n = 1; n <= 5; n += 1) {
      answers = [okFor(oid(n), `token-${n}`)];
      await graphTokens.onBehalfOf(TENANT, `sso.assertion.person-${n}`);
    }
    expect(graphTokens.cachedPeople(TENANT)).toBe(2);
    // The last two are still served from the cache; the first was dropped and is asked for again.
    const before = requests.length;
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.person-5')).resolves.toBe('token-5');
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.person-4')).resolves.toBe('token-4');
    expect(requests.length).toBe(before);
    answers = [okFor(oid(1), 'token-1-again')];
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.person-1')).resolves.toBe('token-1-again');
    expect(requests.length).toBe(before + 1);
    expect(graphTokens.cachedPeople(TENANT)).toBe(2);
  });

  it("drops a person's tokens once they have not been served for cacheIdleMs", async () => {
    let now = Date.UTC(2026, 2, 2, 9, 0);
    const graphTokens = tokens({ cacheIdleMs: 60_000, now: () => now });
    answers = [okFor(oid(1), 'token-1')];
    await graphTokens.onBehalfOf(TENANT, 'sso.assertion.idle-1');
    now += 61_000;
    answers = [okFor(oid(2), 'token-2')];
    await graphTokens.onBehalfOf(TENANT, 'sso.assertion.idle-2');
    expect(graphTokens.cachedPeople(TENANT)).toBe(1);
    answers = [okFor(oid(1), 'token-1b')];
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.idle-1')).resolves.toBe('token-1b');
  });

  it('refuses a bound below one person', () => {
    expect(() => tokens({ maxCachedPeople: 0 })).toThrow(/maxCachedPeople/);
  });
});

describe('demoNetworkClient', () => {
  it('maps only the demo authority host onto this server', async () => {
    const client = demoNetworkClient(() => 'http://127.0.0.1:9');
    await expect(client.sendGetRequestAsync('https://login.microsoftonline.com/common/discovery/v2.0/keys')).rejects.toThrow(/only reaches/);
    await expect(client.sendPostRequestAsync(`${DEMO_AUTHORITY}.evil.example/x`)).rejects.toThrow(/only reaches/);
  });
});
