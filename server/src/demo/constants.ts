/**
 * Fixed identities of the demo tenant. None of these is a secret: the demo tenant is a fake
 * Microsoft 365 that exists only inside this server, in demo mode.
 */

/**
 * The demo identity's logical authority host. It never resolves: MSAL is pointed at it, and a
 * custom network client maps it onto `<server>/demo/identity`. Tokens name it in `iss`.
 */
export const DEMO_AUTHORITY = 'https://identity.unplug.invalid';

/** The demo organisation's tenant id (`tid`). */
export const DEMO_TENANT_ID = '7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f';

/** The Unplug app registration in the demo tenant (client id, `webApplicationInfo.id`). */
export const DEMO_CLIENT_ID = 'c0ffee00-4a11-4e5b-8d2c-0123456789ab';

/** The app registration's client secret in the demo tenant: a fixed, public demo value. */
export const DEMO_CLIENT_SECRET = 'demo-client-secret-not-a-real-secret';

/** The SSO audience of the app, as `webApplicationInfo.resource` would give it. */
export const DEMO_APP_ID_URI = `api://localhost/${DEMO_CLIENT_ID}`;

/** The Graph resource: `aud` of every token the demo Graph accepts. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Microsoft Graph's well-known application id, also accepted as a Graph `aud`. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The Teams web client, the `azp` of an SSO token Teams requests in a browser. */
export const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

/** The app role that makes someone an Unplug admin. */
export const UNPLUG_ADMIN_ROLE = 'Unplug.Admin';

/** The scope Teams asks for when it gets an SSO token for the tab. */
export const SSO_SCOPE = 'access_as_user';

/** Delegated Graph permissions the Unplug app is granted (after consent). */
export const DELEGATED_GRAPH_SCOPES = [
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'Presence.Read',
  'Presence.Read.All',
  'Presence.ReadWrite',
  'User.Read',
] as const;

/** Application Graph permissions the Unplug app is granted (after admin consent). */
export const APPLICATION_GRAPH_ROLES = [
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'Presence.ReadWrite.All',
  'TeamsActivity.Send',
  'User.Read.All',
] as const;

/** Where the demo tenant is mounted, relative to the server's base URL. */
export const DEMO_PREFIX = '/demo';
export const DEMO_IDENTITY_PATH = `${DEMO_PREFIX}/identity`;
export const DEMO_GRAPH_PATH = `${DEMO_PREFIX}/graph/v1.0`;

/** The issuer of tokens for a tenant of the demo identity (v2.0 form). */
export function demoIssuer(tenantId: string = DEMO_TENANT_ID): string {
  return `${DEMO_AUTHORITY}/${tenantId}/v2.0`;
}

/** The authority URL to give MSAL (`auth.authority`). */
export function demoAuthorityUrl(tenantId: string = DEMO_TENANT_ID): string {
  return `${DEMO_AUTHORITY}/${tenantId}`;
}

/**
 * The OpenID configuration MSAL needs as `auth.authorityMetadata` (JSON-stringify it), with every
 * endpoint on the logical authority host.
 */
export function demoOpenIdConfiguration(tenantId: string = DEMO_TENANT_ID) {
  const base = `${DEMO_AUTHORITY}/${tenantId}`;
  return {
    issuer: demoIssuer(tenantId),
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'unplug.invalid',
  };
}
