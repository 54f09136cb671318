import { timingSafeEqual } from 'node:crypto';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, GRAPH_APP_ID, GRAPH_RESOURCE } from '../constants';
import type { DemoOrg } from '../org';
import type { DemoRegistration } from '../registration';
import type { ConditionalAccess } from './conditional-access';
import type { ConsentState } from './consent';
import { oauthError, type OAuthAnswer } from './oauth-error';
import type { DemoIdentity } from './tokens';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface TokenEndpointContext {
  org: DemoOrg;
  identity: DemoIdentity;
  consent: ConsentState;
  /** What `aad.manifest.json` asks for: the most a token can carry. */
  registration: DemoRegistration;
  conditionalAccess: ConditionalAccess;
  clock: () => number;
}

/**
 * The token endpoint `POST /{tenant}/oauth2/v2.0/token`, for the two grants Unplug uses:
 * on-behalf-of (`jwt-bearer` + `requested_token_use=on_behalf_of`) and client credentials.
 * Answers in Entra's shape, so MSAL parses them as it parses Entra's.
 */
export async function answerTokenRequest(ctx: TokenEndpointContext, tenant: string, form: Record<string, string>, authorization: string | undefined): Promise<OAuthAnswer> {
  const fail = (status: number, error: string, code: number, message: string, suberror?: string, claims?: string) =>
    oauthError(status, error, code, message, { now: ctx.clock(), correlationId: form['client-request-id'], ...(suberror ? { suberror } : {}), ...(claims ? { claims } : {}) });

  if (tenant.toLowerCase() !== ctx.org.tenantId) {
    return fail(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const client = clientCredentials(form, authorization);
  if (client.id !== DEMO_CLIENT_ID) {
    return fail(400, 'unauthorized_client', 700016, `Application with identifier '${client.id ?? ''}' was not found in the directory '${ctx.org.displayName}'.`);
  }
  if (!client.secret || !sameSecret(client.secret, DEMO_CLIENT_SECRET)) {
    return fail(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
  }

  switch (form.grant_type) {
    case JWT_BEARER_GRANT: return onBehalfOf(ctx, form, fail);
    case 'client_credentials': return clientCredentialsGrant(ctx, form, fail);
    default:
      return fail(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`);
  }
}

type Fail = (status: number, error: string, code: number, message: string, suberror?: string, claims?: string) => OAuthAnswer;

async function onBehalfOf(ctx: TokenEndpointContext, form: Record<string, string>, fail: Fail): Promise<OAuthAnswer> {
  if (form.requested_token_use !== 'on_behalf_of') {
    return fail(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'requested_token_use' with the value 'on_behalf_of'.");
  }
  if (!form.assertion) return fail(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'assertion'.");
  const verified = await ctx.identity.verifySsoAssertion(form.assertion);
  if (!verified.ok) {
    switch (verified.reason) {
      case 'expired': return fail(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.');
      case 'audience': return fail(400, 'invalid_grant', 50013, `Assertion failed signature validation or its audience is not this application ('${DEMO_CLIENT_ID}').`);
      case 'unknownUser': return fail(400, 'invalid_grant', 50034, `The user account does not exist in the '${ctx.org.displayName}' directory.`);
      default: return fail(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
    }
  }
  const requested = requestedScopes(form.scope);
  const graph = graphPermissions(requested, ctx.registration.delegated);
  if (!graph.ok) return fail(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${graph.scope}' does not exist or is not a Microsoft Graph permission.`);
  const notGranted = graph.permissions.filter((p) => !ctx.registration.delegated.includes(p));
  if (notGranted.length > 0 || !ctx.consent.delegatedConsented(verified.person)) {
    return fail(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${DEMO_CLIENT_ID}' named 'Unplug'. Send an interactive authorization request for this user and resource.`, 'consent_required');
  }
  // Conditional Access wants MFA and the assertion does not show it: a claims challenge, as the
  // OBO page's error example (interaction_required, AADSTS50076, `claims`).
  const challenge = ctx.conditionalAccess.challengeFor(verified.person, verified.claims['acrs']);
  if (challenge) {
    return fail(400, 'interaction_required', 50076, 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access \'00000003-0000-0000-c000-000000000000\'.', 'basic_action', challenge);
  }
  const issued = await ctx.identity.issueDelegatedGraphToken(verified.person, graph.permissions);
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: [...new Set([...requested, ...graph.permissions.map((p) => `${GRAPH_RESOURCE}/${p}`)])].join(' '),
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.token,
      client_info: Buffer.from(JSON.stringify({ uid: verified.person.id, utid: ctx.org.tenantId })).toString('base64url'),
    },
  };
}

async function clientCredentialsGrant(ctx: TokenEndpointContext, form: Record<string, string>, fail: Fail): Promise<OAuthAnswer> {
  const requested = requestedScopes(form.scope);
  const resource = requested.length === 1 && requested[0]!.endsWith('/.default') ? requested[0]!.slice(0, -'/.default'.length) : undefined;
  if (resource === undefined) {
    return fail(400, 'invalid_scope', 1002012, `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  if (resource !== GRAPH_RESOURCE && resource !== GRAPH_APP_ID) {
    return fail(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${ctx.org.displayName}.`);
  }
  const issued = await ctx.identity.issueApplicationGraphToken(ctx.consent.applicationConsented ? ctx.registration.application : []);
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.token },
  };
}

/** Requested scopes without the OpenID ones MSAL always adds. */
function requestedScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').map((s) => s.trim()).filter((s) => s !== '' && !OIDC_SCOPES.has(s.toLowerCase()));
}

/** Graph permission names from scopes (`https://graph.microsoft.com/X`, bare `X`, or `.default` for all granted). */
function graphPermissions(scopes: string[], registered: readonly string[]): { ok: true; permissions: string[] } | { ok: false; scope: string } {
  if (scopes.length === 0) return { ok: false, scope: '' };
  const permissions = new Set<string>();
  for (const scope of scopes) {
    const match = /^(?:(https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?([A-Za-z.]+)$/i.exec(scope);
    if (!match) return { ok: false, scope };
    const name = match[2]!;
    if (name.toLowerCase() === '.default') {
      if (!match[1]) return { ok: false, scope };
      for (const p of registered) permissions.add(p);
    } else {
      const known = registered.find((p) => p.toLowerCase() === name.toLowerCase());
      permissions.add(known ?? name);
    }
  }
  return { ok: true, permissions: [...permissions] };
}

function clientCredentials(form: Record<string, string>, authorization: string | undefined): { id: string | undefined; secret: string | undefined } {
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: form.client_id, secret: form.client_secret };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
