import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DEMO_APP_ID_URI, DEMO_CLIENT_ID, GRAPH_RESOURCE, demoOpenIdConfiguration } from '../constants';
import type { DemoOrg } from '../org';
import type { DemoRegistration } from '../registration';
import type { StatsCounter } from '../stats';
import { requestedAuthContexts, type ConditionalAccess } from './conditional-access';
import type { ConsentState } from './consent';
import { oauthError } from './oauth-error';
import { checkRedirectUri } from './redirect-uri';
import { answerTokenRequest } from './token-endpoint';
import type { DemoIdentity } from './tokens';

export interface IdentityRoutesOptions {
  org: DemoOrg;
  identity: DemoIdentity;
  consent: ConsentState;
  registration: DemoRegistration;
  conditionalAccess: ConditionalAccess;
  stats: StatsCounter;
  clock: () => number;
}

const userNotFound = (userId: string) => ({ error: { code: 'user_not_found', message: `No person with id '${userId}' in the demo organisation.` } });

const tokenBody = {
  type: 'object',
  required: ['userId'],
  additionalProperties: false,
  properties: {
    userId: { type: 'string', minLength: 1, maxLength: 200 },
    resource: { type: 'string', enum: [DEMO_APP_ID_URI, GRAPH_RESOURCE] },
    /** For tests: a short-lived or already expired token. */
    expiresInSeconds: { type: 'integer', minimum: -86_400, maximum: 86_400 },
    /** What `getAuthToken({ claims })` passes on: claims requests (JSON) after a claims challenge. */
    claims: { type: 'array', maxItems: 5, items: { type: 'string', minLength: 2, maxLength: 4000 } },
  },
} as const;

const conditionalAccessBody = {
  type: 'object',
  required: ['userId', 'mfaRequired'],
  additionalProperties: false,
  properties: {
    userId: { type: 'string', minLength: 1, maxLength: 200 },
    mfaRequired: { type: 'boolean' },
  },
} as const;

const consentBody = {
  type: 'object',
  required: ['granted'],
  additionalProperties: false,
  properties: {
    granted: { type: 'boolean' },
    userId: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: ['delegated', 'application'] },
    /** Where the consent page came from: refused unless aad.manifest.json registers it (AADSTS50011). */
    redirectUri: { type: 'string', maxLength: 2000 },
  },
} as const;

const authorizeQuery = {
  type: 'object',
  properties: {
    client_id: { type: 'string', maxLength: 200 },
    redirect_uri: { type: 'string', maxLength: 2000 },
    response_type: { type: 'string', maxLength: 100 },
    state: { type: 'string', maxLength: 2000 },
    login_hint: { type: 'string', maxLength: 300 },
  },
} as const;

/**
 * The demo identity provider (under `/identity`): JWKS, OpenID metadata, the OAuth token endpoint
 * MSAL talks to, and helpers for the person switcher and tests (people, SSO tokens, consent).
 */
export async function identityRoutes(app: FastifyInstance, options: IdentityRoutesOptions): Promise<void> {
  const { org, identity, consent, registration, conditionalAccess, stats, clock } = options;

  // MSAL posts the token request form-encoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, raw, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(raw))));
  });

  const jwks = async () => identity.jwks();
  app.get('/keys', { schema: { hide: true } }, jwks);
  app.get('/discovery/v2.0/keys', { schema: { hide: true } }, jwks);
  app.get('/:tenant/discovery/v2.0/keys', { schema: { hide: true } }, jwks);

  app.get<{ Params: { tenant: string } }>('/:tenant/v2.0/.well-known/openid-configuration', { schema: { hide: true } }, async (request, reply) => {
    const tenant = request.params.tenant.toLowerCase();
    if (tenant !== org.tenantId && tenant !== 'common' && tenant !== 'organizations') {
      return reply.code(400).send({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${request.params.tenant}' not found.` });
    }
    return demoOpenIdConfiguration(tenant === org.tenantId ? org.tenantId : '{tenantid}');
  });

  app.post<{ Params: { tenant: string }; Body: Record<string, string> | undefined }>('/:tenant/oauth2/v2.0/token', { schema: { hide: true } }, async (request, reply) => {
    stats.count('tokenRequests');
    const form = request.body && typeof request.body === 'object' ? request.body : {};
    const answer = await answerTokenRequest({ org, identity, consent, registration, conditionalAccess, clock }, request.params.tenant, form, request.headers.authorization);
    return reply.code(answer.status).header('Cache-Control', 'no-store').send(answer.body);
  });

  // Entra's authorize endpoint, as far as the demo can stand in for it: the app and the
  // redirect URI are checked as Entra checks them (an unregistered redirect URI gets AADSTS50011
  // and no redirect); the demo has no consent screen here (the tab's consent page asks, in demo
  // mode), so a person who consented comes back with a code, anyone else with consent_required.
  app.get<{ Params: { tenant: string }; Querystring: { client_id?: string; redirect_uri?: string; response_type?: string; state?: string; login_hint?: string } }>(
    '/:tenant/oauth2/v2.0/authorize', { schema: { hide: true, querystring: authorizeQuery } }, async (request, reply) => {
      const now = clock();
      const q = request.query;
      if (request.params.tenant.toLowerCase() !== org.tenantId && request.params.tenant.toLowerCase() !== 'organizations') {
        const answer = oauthError(400, 'invalid_request', 90002, `Tenant '${request.params.tenant}' not found.`, { now });
        return reply.code(answer.status).send(answer.body);
      }
      if (q.client_id !== DEMO_CLIENT_ID) {
        const answer = oauthError(400, 'unauthorized_client', 700016, `Application with identifier '${q.client_id ?? ''}' was not found in the directory '${org.displayName}'.`, { now });
        return reply.code(answer.status).send(answer.body);
      }
      const mismatch = checkRedirectUri(registration, request.host, q.redirect_uri, now);
      if (mismatch) return reply.code(mismatch.status).send(mismatch.body);
      const back = new URL(q.redirect_uri!);
      if (q.state !== undefined) back.searchParams.set('state', q.state);
      const person = q.login_hint === undefined ? undefined : org.find(q.login_hint);
      if (person && consent.delegatedConsented(person)) back.searchParams.set('code', randomUUID());
      else {
        back.searchParams.set('error', 'consent_required');
        back.searchParams.set('error_description', `AADSTS65001: The user or administrator has not consented to use the application with ID '${DEMO_CLIENT_ID}' named 'Unplug'.`);
      }
      return reply.redirect(back.toString(), 302);
    });

  app.get('/people', { schema: { hide: true } }, async () => ({
    value: org.people.map((p) => ({ id: p.id, displayName: p.displayName, userPrincipalName: p.userPrincipalName })),
  }));

  app.post<{ Body: { userId: string; resource?: string; expiresInSeconds?: number; claims?: string[] } }>('/token', { schema: { hide: true, body: tokenBody } }, async (request, reply) => {
    const { userId, resource, expiresInSeconds, claims = [] } = request.body;
    const person = org.find(userId);
    if (!person) return reply.code(404).send(userNotFound(userId));
    // A claims request stands for the person passing the prompt it brings (MFA): the token then
    // carries the authentication contexts asked for.
    const contexts = requestedAuthContexts(claims);
    if (contexts === undefined) return reply.code(400).send({ error: { code: 'invalid_claims', message: 'Each entry of claims must be a JSON claims request such as {"access_token":{"acrs":{"essential":true,"value":"c1"}}}.' } });
    const issued = resource === GRAPH_RESOURCE
      ? await identity.issueDelegatedGraphToken(person, registration.delegated, expiresInSeconds)
      : await identity.issueSsoToken(person, expiresInSeconds, contexts);
    return reply.header('Cache-Control', 'no-store').send({ access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn });
  });

  app.get<{ Querystring: { userId?: string } }>('/consent', { schema: { hide: true, querystring: { type: 'object', properties: { userId: { type: 'string' } } } } }, async (request, reply) => {
    const userId = request.query.userId;
    const person = userId === undefined ? undefined : org.find(userId);
    if (userId !== undefined && !person) return reply.code(404).send(userNotFound(userId));
    return consent.view(person);
  });

  app.post<{ Body: { granted: boolean; userId?: string; kind?: 'delegated' | 'application'; redirectUri?: string } }>('/consent', { schema: { hide: true, body: consentBody } }, async (request, reply) => {
    const { granted, userId, kind = 'delegated', redirectUri } = request.body;
    if (redirectUri !== undefined) {
      const mismatch = checkRedirectUri(registration, request.host, redirectUri, clock());
      if (mismatch) return reply.code(mismatch.status).send(mismatch.body);
    }
    if (kind === 'application') {
      if (userId !== undefined) return reply.code(400).send({ error: { code: 'invalid_request', message: 'Application permissions are consented for the whole tenant: leave out userId.' } });
      consent.setApplicationConsent(granted);
      return consent.view();
    }
    if (userId === undefined) {
      consent.setAdminConsent(granted);
      return consent.view();
    }
    const person = org.find(userId);
    if (!person) return reply.code(404).send(userNotFound(userId));
    consent.setUserConsent(person, granted);
    return consent.view(person);
  });

  app.get<{ Querystring: { userId: string } }>('/conditional-access', { schema: { hide: true, querystring: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' } } } } }, async (request, reply) => {
    const person = org.find(request.query.userId);
    if (!person) return reply.code(404).send(userNotFound(request.query.userId));
    return { userId: person.id, mfaRequired: conditionalAccess.requiresMfa(person) };
  });

  /** Like a Conditional Access policy in Entra: on-behalf-of for this person needs MFA (a claims challenge) first. */
  app.post<{ Body: { userId: string; mfaRequired: boolean } }>('/conditional-access', { schema: { hide: true, body: conditionalAccessBody } }, async (request, reply) => {
    const person = org.find(request.body.userId);
    if (!person) return reply.code(404).send(userNotFound(request.body.userId));
    conditionalAccess.requireMfa(person, request.body.mfaRequired);
    return { userId: person.id, mfaRequired: conditionalAccess.requiresMfa(person) };
  });
}
