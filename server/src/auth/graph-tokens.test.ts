import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsentRequiredError } from '../graph/errors';
import { DEMO_AUTHORITY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../demo/constants';
import { demoGraphTokensOptions, demoNetworkClient } from './demo-identity';
import { createGraphTokens, TokenAcquisitionError } from './graph-tokens';

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
let sleeps: number[] = [];

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
  sleeps = [];
});

function tokens() {
  return createGraphTokens({
    ...demoGraphTokensOptions(() => baseUrl),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

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

  it('asks again for a different assertion (another person or a renewed SSO token)', async () => {
    answers = [ok('a'), ok('b')];
    const graphTokens = tokens();
    await graphTokens.onBehalfOf(TENANT, 'sso.assertion.a');
    await expect(graphTokens.onBehalfOf(TENANT, 'sso.assertion.b')).resolves.toBe('b');
    expect(requests).toHaveLength(2);
  });

  it('retries a consent failure three times with doubling delays, then raises ConsentRequiredError', async () => {
    answers = [noConsent, noConsent, noConsent, noConsent];
    const error = await tokens().onBehalfOf(TENANT, 'sso.assertion.c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'consent_required', statusCode: 403, permissionType: 'delegated' });
    expect(requests).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('succeeds when consent takes effect during the retries', async () => {
    answers = [noConsent, noConsent, ok('late')];
    await expect(tokens().onBehalfOf(TENANT, 'sso.assertion.d')).resolves.toBe('late');
    expect(sleeps).toEqual([500, 1000]);
  });

  it('treats interaction_required as consent', async () => {
    answers = Array.from({ length: 4 }, () => ({ status: 400, body: { error: 'interaction_required', error_description: 'AADSTS50076: MFA required.' } }));
    await expect(tokens().onBehalfOf(TENANT, 'sso.assertion.e')).rejects.toBeInstanceOf(ConsentRequiredError);
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

describe('demoNetworkClient', () => {
  it('maps only the demo authority host onto this server', async () => {
    const client = demoNetworkClient(() => 'http://127.0.0.1:9');
    await expect(client.sendGetRequestAsync('https://login.microsoftonline.com/common/discovery/v2.0/keys')).rejects.toThrow(/only reaches/);
    await expect(client.sendPostRequestAsync(`${DEMO_AUTHORITY}.evil.example/x`)).rejects.toThrow(/only reaches/);
  });
});
