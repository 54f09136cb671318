import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { AuthError, type AuthErrorCode } from './auth-error';
import { createTokenValidator, type TokenValidatorOptions } from './token-validator';
import { createTestIssuer, serveJwks, type TestIssuer } from './test-issuer';
import { entraTokenValidatorOptions } from './validator-presets';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OID = '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
const NOW = new Date('2025-03-10T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let issuer: TestIssuer;
let options: TokenValidatorOptions;

beforeAll(async () => {
  issuer = await createTestIssuer();
  options = {
    ...entraTokenValidatorOptions({ clientId: CLIENT_ID, clientSecret: 'unused', tabDomain: 'unplug.contoso.com', tenantAllowList: [TENANT] }),
    jwks: { getKey: createLocalJWKSet(issuer.jwks) },
    now: () => NOW,
  };
});

function v2Claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: nowSeconds - 300,
    nbf: nowSeconds - 300,
    exp: nowSeconds + 3600,
    tid: TENANT,
    oid: OID,
    scp: 'access_as_user',
    name: 'Ada Lovelace',
    preferred_username: 'ada@contoso.com',
    ver: '2.0',
    ...overrides,
  };
}

async function refusal(token: string, opts: TokenValidatorOptions = options): Promise<AuthError> {
  const error = await createTokenValidator(opts).validate(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  const authError = error as AuthError;
  // The message is safe to show and log: no part of the token is in it.
  for (const part of token.split('.').filter((p) => p.length > 8)) expect(authError.message).not.toContain(part);
  return authError;
}

describe('createTokenValidator', () => {
  it('accepts a v2 token and returns the caller', async () => {
    const caller = await createTokenValidator(options).validate(await issuer.sign(v2Claims()));
    expect(caller).toEqual({ tenantId: TENANT, userId: OID, name: 'Ada Lovelace', upn: 'ada@contoso.com', roles: [], isAdmin: false });
  });

  it('accepts a v1 token: api:// audience, sts.windows.net issuer, upn claim', async () => {
    const token = await issuer.sign(v2Claims({
      aud: `api://unplug.contoso.com/${CLIENT_ID}`, iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0',
      preferred_username: undefined, upn: 'ada@contoso.com',
    }));
    const caller = await createTokenValidator(options).validate(token);
    expect(caller.upn).toBe('ada@contoso.com');
  });

  it('tolerates a small clock skew on exp and nbf', async () => {
    const validator = createTokenValidator(options);
    await expect(validator.validate(await issuer.sign(v2Claims({ exp: nowSeconds - 30 })))).resolves.toMatchObject({ userId: OID });
    await expect(validator.validate(await issuer.sign(v2Claims({ nbf: nowSeconds + 30 })))).resolves.toMatchObject({ userId: OID });
  });

  it('checks a token once, then only its lifetime: a remembered token still expires', async () => {
    let clock = NOW;
    let keyLookups = 0;
    const local = createLocalJWKSet(issuer.jwks);
    const validator = createTokenValidator({ ...options, now: () => clock, jwks: { getKey: (header, token) => { keyLookups += 1; return local(header, token); } } });
    const token = await issuer.sign(v2Claims({ exp: nowSeconds + 600 }));
    await expect(validator.validate(token)).resolves.toMatchObject({ userId: OID });
    await expect(validator.validate(token)).resolves.toMatchObject({ userId: OID });
    expect(keyLookups).toBe(1);
    clock = new Date(NOW.getTime() + 659_000); // within the 60 s skew
    await expect(validator.validate(token)).resolves.toMatchObject({ userId: OID });
    clock = new Date(NOW.getTime() + 661_000);
    await expect(validator.validate(token)).rejects.toMatchObject({ code: 'token_expired' });
    const tampered = `${token.slice(0, -4)}AAAA`;
    await expect(validator.validate(tampered)).rejects.toBeInstanceOf(AuthError);
  });

  it('checks a token sent with several requests at once only once; a bad one is refused to each of them', async () => {
    let keyLookups = 0;
    const local = createLocalJWKSet(issuer.jwks);
    const validator = createTokenValidator({ ...options, jwks: { getKey: (header, token) => { keyLookups += 1; return local(header, token); } } });
    const token = await issuer.sign(v2Claims());
    const callers = await Promise.all([1, 2, 3].map(() => validator.validate(token)));
    expect(callers.map((c) => c.userId)).toEqual([OID, OID, OID]);
    expect(keyLookups).toBe(1);
    const foreign = await issuer.sign(v2Claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }));
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => validator.validate(foreign)));
    expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as AuthError).code)).toEqual(['tenant_not_allowed', 'tenant_not_allowed', 'tenant_not_allowed']);
    // Not remembered as valid: asked again, it is checked again and refused again.
    await expect(validator.validate(foreign)).rejects.toMatchObject({ code: 'tenant_not_allowed' });
    expect(keyLookups).toBe(3);
  });

  it.each<[string, JWTPayload, AuthErrorCode, number]>([
    ['expired beyond the skew', { exp: nowSeconds - 120 }, 'token_expired', 401],
    ['not valid yet', { nbf: nowSeconds + 600 }, 'token_not_yet_valid', 401],
    ['for another application', { aud: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' }, 'token_audience_invalid', 401],
    ['for another domain', { aud: `api://evil.example/${CLIENT_ID}` }, 'token_audience_invalid', 401],
    ['issued for another tenant than its tid', { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }, 'token_issuer_invalid', 401],
    ['from a foreign issuer host', { iss: `https://login.evil.example/${TENANT}/v2.0` }, 'token_issuer_invalid', 401],
    ['from the v1 host with the v2 path', { iss: `https://sts.windows.net/${TENANT}/v2.0` }, 'token_issuer_invalid', 401],
    ['of a tenant not on the allow-list', { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }, 'tenant_not_allowed', 401],
    ['without access_as_user', { scp: 'User.Read Calendars.Read' }, 'token_scope_missing', 401],
    ['app-only (roles, no scp)', { scp: undefined, roles: ['Something.All'] }, 'token_scope_missing', 401],
    ['with a scope that only contains the name', { scp: 'not_access_as_user' }, 'token_scope_missing', 401],
    ['without oid', { oid: undefined }, 'token_claims_invalid', 401],
    ['with a tid that is not a GUID', { tid: 'common', iss: 'https://login.microsoftonline.com/common/v2.0' }, 'token_claims_invalid', 401],
    ['without exp', { exp: undefined }, 'token_claims_invalid', 401],
  ])('refuses a token %s', async (_name, overrides, code, status) => {
    const error = await refusal(await issuer.sign(v2Claims(overrides)));
    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(status);
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT(v2Claims()).encode();
    expect((await refusal(token)).code).toBe('token_signature_invalid');
  });

  it('refuses HS256, even keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(issuer.jwks.keys[0]));
    const token = await new SignJWT(v2Claims()).setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' }).sign(secret);
    expect((await refusal(token)).code).toBe('token_signature_invalid');
  });

  it('refuses a token signed by another key with the same kid', async () => {
    const impostor = await createTestIssuer('test-key-1');
    expect((await refusal(await impostor.sign(v2Claims()))).code).toBe('token_signature_invalid');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await issuer.sign(v2Claims())).split('.');
    const payload = Buffer.from(JSON.stringify(v2Claims({ oid: 'someone-else' }))).toString('base64url');
    expect((await refusal(`${header}.${payload}.${signature}`)).code).toBe('token_signature_invalid');
  });

  it.each(['', 'abc', 'a.b', 'a.b.c', 'bm90IGpzb24.e30.c2ln'])('refuses the malformed token %j', async (token) => {
    expect((await refusal(token)).code).toBe('token_malformed');
  });

  it.each<[string, JWTPayload, boolean]>([
    ['the Unplug.Admin app role', { roles: ['Unplug.Admin'] }, true],
    ['Global Administrator (wids)', { wids: ['62e90394-69f5-4237-9190-012177145e10', 'b79fbf4d-3ef9-4689-8143-76b194e85509'] }, true],
    ['Teams Administrator (wids)', { wids: ['69091246-20E8-4A56-AA4D-066075B2A7A8'] }, true],
    ['only the default member role (wids)', { wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }, false],
    ['another app role', { roles: ['Unplug.Reader'] }, false],
  ])('derives isAdmin from %s', async (_name, overrides, isAdmin) => {
    const caller = await createTokenValidator(options).validate(await issuer.sign(v2Claims(overrides)));
    expect(caller.isAdmin).toBe(isAdmin);
  });
});

describe('createTokenValidator with a remote JWKS', () => {
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  beforeAll(async () => {
    jwks = await serveJwks(issuer.jwks);
  });
  afterAll(() => jwks.close());

  it('resolves a lazy JWKS URL on first use and caches the keys', async () => {
    const server: { url?: string } = {};
    const validator = createTokenValidator({
      ...options,
      jwks: () => {
        if (!server.url) throw new Error('not listening yet');
        return server.url;
      },
    });
    server.url = jwks.url; // known only after the validator exists, like the demo identity's
    const token = await issuer.sign(v2Claims());
    await expect(validator.validate(token)).resolves.toMatchObject({ userId: OID });
    await expect(validator.validate(token)).resolves.toMatchObject({ userId: OID });
    expect(jwks.fetches()).toBe(1);
  });

  it('answers auth_unavailable (503) when the keys cannot be fetched', async () => {
    const error = await refusal(await issuer.sign(v2Claims()), { ...options, jwks: 'http://127.0.0.1:9/keys' });
    expect(error.code).toBe('auth_unavailable');
    expect(error.statusCode).toBe(503);
  });
});
