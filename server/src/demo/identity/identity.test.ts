import { ConfidentialClientApplication, InteractionRequiredAuthError, type INetworkModule, type NetworkResponse } from '@azure/msal-node';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_APP_ID_URI, DEMO_AUTHORITY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID, GRAPH_RESOURCE, TEAMS_WEB_CLIENT_ID, UNPLUG_ADMIN_ROLE,
  demoAuthorityUrl, demoIssuer, demoOpenIdConfiguration,
} from '../constants';
import { TEAMS_ADMINISTRATOR_ROLE_TEMPLATE_ID } from '../seed-people';
import type { RunningDemoTenant } from '../standalone';
import { ConditionalAccess } from './conditional-access';
import { readRegistration } from '../registration';
import { call, startTestTenant } from '../test-support';

let demo: RunningDemoTenant;
beforeAll(async () => {
  demo = await startTestTenant();
});
afterAll(() => demo.close());

const person = () => demo.tenant.org.people.find((p) => !p.consentRequired && !p.admin)!;

async function sso(userId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call<{ access_token: string }>(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { userId, ...extra } });
  expect(response.status).toBe(200);
  return response.body.access_token;
}

/** MSAL's network client, mapping the logical authority host onto the demo identity. */
function networkClient(): INetworkModule {
  const send = async <T>(method: string, url: string, options?: { headers?: Record<string, string>; body?: string }): Promise<NetworkResponse<T>> => {
    expect(url.startsWith(`${DEMO_AUTHORITY}/`)).toBe(true);
    const response = await fetch(`${demo.identityBaseUrl}/${url.slice(DEMO_AUTHORITY.length + 1)}`, { method, ...(options?.headers ? { headers: options.headers } : {}), ...(options?.body ? { body: options.body } : {}) });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.json()) as T };
  };
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

function msal(secret = DEMO_CLIENT_SECRET): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: DEMO_CLIENT_ID, clientSecret: secret, authority: demoAuthorityUrl(),
      authorityMetadata: JSON.stringify(demoOpenIdConfiguration()), knownAuthorities: [new URL(DEMO_AUTHORITY).host],
    },
    system: { networkClient: networkClient() },
  });
}

describe('keys and metadata', () => {
  it('publishes the signing key as a JWKS with a kid, at /keys and at the metadata\'s jwks_uri', async () => {
    const keys = await call<{ keys: Array<Record<string, string>> }>(`${demo.identityBaseUrl}/keys`);
    expect(keys.body.keys).toHaveLength(1);
    expect(keys.body.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String) });
    expect(keys.body.keys[0]).not.toHaveProperty('d');
    const jwksPath = new URL(demoOpenIdConfiguration().jwks_uri).pathname;
    expect((await call(`${demo.identityBaseUrl}${jwksPath}`)).body).toEqual(keys.body);
  });

  it('serves OpenID metadata on the logical authority host', async () => {
    const response = await call<Record<string, string>>(`${demo.identityBaseUrl}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(response.body).toMatchObject({
      issuer: demoIssuer(), token_endpoint: `${DEMO_AUTHORITY}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      authorization_endpoint: `${DEMO_AUTHORITY}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`, jwks_uri: `${DEMO_AUTHORITY}/${DEMO_TENANT_ID}/discovery/v2.0/keys`,
    });
    expect((await call(`${demo.identityBaseUrl}/not-a-tenant/v2.0/.well-known/openid-configuration`)).status).toBe(400);
  });
});

describe('helpers for people and tests', () => {
  it('lists the people', async () => {
    const response = await call<{ value: Array<Record<string, string>> }>(`${demo.identityBaseUrl}/people`);
    expect(response.body.value).toHaveLength(12);
    expect(Object.keys(response.body.value[0]!).sort()).toEqual(['displayName', 'id', 'userPrincipalName']);
  });

  it('issues an SSO token shaped like the one Teams gets for the tab, verifiable with the JWKS', async () => {
    const admin = demo.tenant.org.people.find((p) => p.admin)!;
    const response = await call<Record<string, unknown>>(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { userId: admin.id } });
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    const jwks = createRemoteJWKSet(new URL(`${demo.identityBaseUrl}/keys`));
    const { payload, protectedHeader } = await jwtVerify(response.body.access_token as string, jwks, { issuer: demoIssuer(), audience: DEMO_APP_ID_URI });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(payload).toMatchObject({
      ver: '2.0', tid: DEMO_TENANT_ID, oid: admin.id, name: admin.displayName, preferred_username: admin.userPrincipalName,
      scp: 'access_as_user', azp: TEAMS_WEB_CLIENT_ID, roles: [UNPLUG_ADMIN_ROLE], sub: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(response.body.expires_in);
    expect(decodeJwt(await sso(person().id))).not.toHaveProperty('roles');
  });

  it('issues a Graph token on request, and refuses unknown people and malformed bodies', async () => {
    const token = await sso(person().id, { resource: GRAPH_RESOURCE });
    expect(decodeJwt(token)).toMatchObject({ aud: GRAPH_RESOURCE, oid: person().id, scp: expect.stringContaining('Calendars.ReadWrite') });
    const unknown = await call<{ error: { code: string } }>(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { userId: 'nobody' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('user_not_found');
    expect((await call(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { user: 'x' } })).status).toBe(400);
    expect((await call(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { userId: person().id, resource: 'https://evil.example' } })).status).toBe(400);
  });
});

describe('the token endpoint with MSAL', () => {
  it('answers on-behalf-of with a delegated Graph token, and MSAL serves the repeat from its cache', async () => {
    demo.tenant.resetStats();
    const assertion = await sso(person().id);
    const app = msal();
    const first = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH_RESOURCE}/.default`] });
    expect(decodeJwt(first!.accessToken)).toMatchObject({ aud: GRAPH_RESOURCE, oid: person().id, tid: DEMO_TENANT_ID, appid: DEMO_CLIENT_ID, idtyp: 'user' });
    expect(decodeJwt(first!.accessToken)).not.toHaveProperty('roles');
    const again = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH_RESOURCE}/.default`] });
    expect(again!.accessToken).toBe(first!.accessToken);
    expect(again!.fromCache).toBe(true);
    expect(demo.tenant.stats().tokenRequests).toBe(1);
  });

  it('answers explicit scopes with exactly those permissions', async () => {
    const result = await msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(person().id), scopes: [`${GRAPH_RESOURCE}/Calendars.ReadWrite`, `${GRAPH_RESOURCE}/Presence.Read`] });
    expect(decodeJwt(result!.accessToken).scp).toBe('Calendars.ReadWrite Presence.Read');
  });

  it('asks for consent (invalid_grant, AADSTS65001, consent_required) until it is granted', async () => {
    const unconsented = demo.tenant.org.people.find((p) => p.consentRequired)!;
    const assertion = await sso(unconsented.id);
    const error = await msal().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH_RESOURCE}/.default`] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error).toMatchObject({ errorCode: 'invalid_grant', subError: 'consent_required' });
    expect((error as Error).message).toContain('AADSTS65001');

    const granted = await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { userId: unconsented.id, granted: true } });
    expect(granted.body).toMatchObject({ userId: unconsented.id, consented: true });
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH_RESOURCE}/.default`] })).resolves.toBeTruthy();

    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { userId: unconsented.id, granted: false } });
    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { granted: true } }); // an admin consents for everyone
    expect((await call(`${demo.identityBaseUrl}/consent?userId=${unconsented.id}`)).body).toMatchObject({ adminConsent: true, consented: true });
    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { granted: false } });
  });

  it('refuses permissions the app was never granted as missing consent, and non-Graph scopes as invalid', async () => {
    const assertion = await sso(person().id);
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH_RESOURCE}/Mail.Read`] })).rejects.toMatchObject({ subError: 'consent_required' });
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['api://other/thing'] })).rejects.toMatchObject({ errorCode: 'invalid_scope' });
  });

  it('refuses expired assertions, assertions for another audience, and a wrong client secret', async () => {
    const scopes = [`${GRAPH_RESOURCE}/.default`];
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(person().id, { expiresInSeconds: -120 }), scopes }))
      .rejects.toMatchObject({ errorCode: 'invalid_grant', errorMessage: expect.stringContaining('AADSTS500133') });
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(person().id, { resource: GRAPH_RESOURCE }), scopes }))
      .rejects.toMatchObject({ errorCode: 'invalid_grant', errorMessage: expect.stringContaining('AADSTS50013') });
    await expect(msal('wrong').acquireTokenOnBehalfOf({ oboAssertion: await sso(person().id), scopes }))
      .rejects.toMatchObject({ errorCode: 'invalid_client' });
  });

  it('answers client credentials with an app-only token carrying roles and no scp, while application consent holds', async () => {
    const result = await msal().acquireTokenByClientCredential({ scopes: [`${GRAPH_RESOURCE}/.default`] });
    const claims = decodeJwt(result!.accessToken);
    // Exactly the Role entries of aad.manifest.json: nothing the registration does not ask for
    // (presence writes and samples; activity-feed nudges).
    expect(claims).toMatchObject({ aud: GRAPH_RESOURCE, idtyp: 'app', roles: ['Presence.ReadWrite.All', 'TeamsActivity.Send'] });
    expect(claims).not.toHaveProperty('scp');

    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { kind: 'application', granted: false } });
    const without = await msal().acquireTokenByClientCredential({ scopes: [`${GRAPH_RESOURCE}/.default`] });
    expect(decodeJwt(without!.accessToken)).not.toHaveProperty('roles');
    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { kind: 'application', granted: true } });
    await expect(msal().acquireTokenByClientCredential({ scopes: [`${GRAPH_RESOURCE}/Calendars.Read`] })).rejects.toMatchObject({ errorCode: 'invalid_scope' });
  });

  it('answers OAuth errors in Entra\'s shape', async () => {
    const form = new URLSearchParams({ grant_type: 'password', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
    const response = await call<Record<string, unknown>>(`${demo.identityBaseUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003], trace_id: expect.any(String), correlation_id: expect.any(String), timestamp: expect.any(String) });
    expect(response.body.error_description).toMatch(/^AADSTS70003: /);
  });
});

describe('Conditional Access: a claims challenge for a person who must use MFA', () => {
  const scopes = [`${GRAPH_RESOURCE}/.default`];
  const setMfa = (userId: string, mfaRequired: boolean) => call(`${demo.identityBaseUrl}/conditional-access`, { method: 'POST', json: { userId, mfaRequired } });

  it('answers on-behalf-of with interaction_required (AADSTS50076) and the claims, then accepts a token got with those claims', async () => {
    const someone = demo.tenant.org.people.find((p) => !p.consentRequired && !p.admin && p.id !== person().id)!;
    expect((await setMfa(someone.id, true)).body).toEqual({ userId: someone.id, mfaRequired: true });
    try {
      const error = await msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(someone.id), scopes }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InteractionRequiredAuthError);
      expect(error).toMatchObject({ errorCode: 'interaction_required', subError: 'basic_action', claims: ConditionalAccess.CHALLENGE });
      expect((error as Error).message).toContain('AADSTS50076');

      // What Teams' getAuthToken({ claims: [challenge] }) brings back after the MFA prompt.
      const stepUp = await sso(someone.id, { claims: [ConditionalAccess.CHALLENGE] });
      expect(decodeJwt(stepUp)).toMatchObject({ acrs: ['c1'] });
      await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: stepUp, scopes })).resolves.toBeTruthy();
      // Nobody else is asked.
      await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(person().id), scopes })).resolves.toBeTruthy();
    } finally {
      await setMfa(someone.id, false);
    }
    await expect(msal().acquireTokenOnBehalfOf({ oboAssertion: await sso(someone.id), scopes })).resolves.toBeTruthy();
  });

  it('refuses claims that are not a JSON claims request, and unknown people', async () => {
    const bad = await call<{ error: { code: string } }>(`${demo.identityBaseUrl}/token`, { method: 'POST', json: { userId: person().id, claims: ['not json'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_claims');
    expect((await setMfa('nobody', true)).status).toBe(404);
    expect((await call(`${demo.identityBaseUrl}/conditional-access`, { method: 'POST', json: { userId: person().id } })).status).toBe(400);
  });
});

describe('wids follows the registration (groupMembershipClaims)', () => {
  const teamsAdmin = () => demo.tenant.org.people.find((p) => p.wids.includes(TEAMS_ADMINISTRATOR_ROLE_TEMPLATE_ID))!;

  it('reads groupMembershipClaims as Entra does: DirectoryRole or All emit wids, others do not', () => {
    expect(readRegistration(JSON.stringify({ groupMembershipClaims: 'DirectoryRole' })).emitsWids).toBe(true);
    expect(readRegistration(JSON.stringify({ groupMembershipClaims: 'All' })).emitsWids).toBe(true);
    expect(readRegistration(JSON.stringify({ groupMembershipClaims: 'SecurityGroup, DirectoryRole' })).emitsWids).toBe(true);
    expect(readRegistration(JSON.stringify({ groupMembershipClaims: 'SecurityGroup' })).emitsWids).toBe(false);
    expect(readRegistration(JSON.stringify({ groupMembershipClaims: null })).emitsWids).toBe(false);
    expect(readRegistration(JSON.stringify({})).emitsWids).toBe(false);
  });

  it("this repository's aad.manifest.json asks for wids, so the demo SSO token carries the person's directory roles", async () => {
    expect(readRegistration().emitsWids).toBe(true);
    expect(teamsAdmin()).toBeDefined();
    expect(decodeJwt(await sso(teamsAdmin().id))).toMatchObject({ wids: expect.arrayContaining([TEAMS_ADMINISTRATOR_ROLE_TEMPLATE_ID]) });
  });

  it('leaves wids out when the registration does not set groupMembershipClaims', async () => {
    const without = await startTestTenant({ emitsWids: false });
    try {
      const token = await without.tenant.ssoToken(teamsAdmin().id);
      expect(decodeJwt(token.token)).not.toHaveProperty('wids');
    } finally {
      await without.close();
    }
  });
});

describe('redirect URIs (aad.manifest.json web/spa redirectUris, ${{TAB_DOMAIN}} = the demo host)', () => {
  const host = () => new URL(demo.baseUrl).host;
  const consentPage = () => `${demo.baseUrl}/tab/consent`;
  const authorize = (query: Record<string, string>) => fetch(`${demo.identityBaseUrl}/${demo.tenant.org.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams(query).toString()}`, { redirect: 'manual' });

  it('registers the consent page, and nothing else', () => {
    expect(demo.tenant.registration.redirectUris).toEqual(['https://${{TAB_DOMAIN}}/tab/consent']);
  });

  it('sends a registered redirect URI back with a code, or consent_required for someone who has not consented', async () => {
    const consented = demo.tenant.org.people.find((p) => !p.consentRequired)!;
    const ok = await authorize({ client_id: DEMO_CLIENT_ID, response_type: 'code', redirect_uri: consentPage(), state: 's1', login_hint: consented.userPrincipalName });
    expect(ok.status).toBe(302);
    const back = new URL(ok.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(consentPage());
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/);

    const notYet = demo.tenant.org.people.find((p) => p.consentRequired)!;
    const refused = new URL((await authorize({ client_id: DEMO_CLIENT_ID, response_type: 'code', redirect_uri: consentPage(), login_hint: notYet.userPrincipalName })).headers.get('location')!);
    expect(refused.searchParams.get('error')).toBe('consent_required');
  });

  it.each([
    ['another path', () => `${demo.baseUrl}/tab/elsewhere`],
    ['another host', () => 'https://evil.example/tab/consent'],
    ['no redirect URI at all', () => ''],
  ])('refuses %s with AADSTS50011, and does not redirect', async (_what, uri) => {
    const res = await authorize({ client_id: DEMO_CLIENT_ID, response_type: 'code', redirect_uri: uri(), state: 's' });
    expect(res.status).toBe(400);
    const body = await res.json() as { error: string; error_codes: number[]; error_description: string };
    expect(body.error_codes).toEqual([50011]);
    expect(body.error_description).toMatch(new RegExp(`^AADSTS50011: The redirect URI '${uri().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' specified in the request does not match the redirect URIs configured for the application '${DEMO_CLIENT_ID}'\\.`));
    expect(res.headers.get('location')).toBeNull();
  });

  it('refuses a consent from an unregistered page, and records one from the registered page', async () => {
    const person = demo.tenant.org.people.find((p) => p.consentRequired)!;
    const wrong = await call<{ error_codes: number[] }>(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { granted: true, userId: person.id, redirectUri: `https://${host()}/consent` } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error_codes).toEqual([50011]);
    expect(demo.tenant.consent.delegatedConsented(person)).toBe(false);
    const right = await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { granted: true, userId: person.id, redirectUri: consentPage() } });
    expect(right.status).toBe(200);
    expect(demo.tenant.consent.delegatedConsented(person)).toBe(true);
    await call(`${demo.identityBaseUrl}/consent`, { method: 'POST', json: { granted: false, userId: person.id } });
  });
});
