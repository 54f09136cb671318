import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLocalJWKSet } from 'jose';
import { registerErrorHandler } from '../plugins/errors';
import { authenticate, registerRequestAuth, requestAuth } from './bearer';
import { createTokenValidator } from './token-validator';
import { createTestIssuer, type TestIssuer } from './test-issuer';
import { entraTokenValidatorOptions } from './validator-presets';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const NOW = new Date('2025-03-10T09:00:00Z');
const t = Math.floor(NOW.getTime() / 1000);

let app: FastifyInstance;
let issuer: TestIssuer;
let token: string;

beforeAll(async () => {
  issuer = await createTestIssuer();
  const validator = createTokenValidator({
    ...entraTokenValidatorOptions({ clientId: CLIENT_ID, clientSecret: 'x', tabDomain: 'unplug.contoso.com', tenantAllowList: [TENANT] }),
    jwks: { getKey: createLocalJWKSet(issuer.jwks) },
    now: () => NOW,
  });
  token = await issuer.sign({
    aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: 'person-1',
    scp: 'access_as_user', nbf: t - 60, exp: t + 3600,
  });
  app = Fastify();
  registerErrorHandler(app);
  registerRequestAuth(app);
  app.get('/whoami', { preHandler: authenticate(validator) }, async (request) => {
    const { caller, token: kept } = requestAuth(request);
    return { caller, keptToken: kept === token };
  });
  await app.ready();
});

afterAll(() => app.close());

describe('authenticate', () => {
  it('lets a valid bearer token through and records the caller', async () => {
    const response = await app.inject({ url: '/whoami', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ caller: { tenantId: TENANT, userId: 'person-1', roles: [], isAdmin: false }, keptToken: true });
  });

  it('accepts the scheme in any case', async () => {
    const response = await app.inject({ url: '/whoami', headers: { authorization: `bearer ${token}` } });
    expect(response.statusCode).toBe(200);
  });

  it('answers 401 token_missing without a header, with a Bearer challenge', async () => {
    const response = await app.inject({ url: '/whoami' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({ error: { code: 'token_missing', message: expect.any(String) } });
  });

  it.each(['access_token', 'token', 'authorization'])('never takes a token from the query string (?%s=)', async (name) => {
    const response = await app.inject({ url: `/whoami?${name}=${token}` });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token_missing');
  });

  it.each<[string, (t: string) => string]>([
    ['Basic', (t) => `Basic ${t}`],
    ['no scheme', (t) => t],
    ['scheme only', () => 'Bearer'],
    ['trailing junk', (t) => `Bearer ${t} extra`],
  ])('answers 401 token_malformed for a header with %s', async (_name, header) => {
    const response = await app.inject({ url: '/whoami', headers: { authorization: header(token) } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token_malformed');
    expect(response.body).not.toContain(token.split('.')[1]);
  });

  it('answers 401 with the validator code for a refused token, never echoing it', async () => {
    const expired = await issuer.sign({
      aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: 'p', scp: 'access_as_user', exp: t - 3600,
    });
    const response = await app.inject({ url: '/whoami', headers: { authorization: `Bearer ${expired}` } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json().error.code).toBe('token_expired');
    expect(response.body).not.toContain(expired.split('.')[1]);
  });
});
