import { readClaims } from '../session/token-claims';

/** Where the consent page lives: Teams opens it in its authentication pop-up. */
export const CONSENT_PAGE_PATH = '/tab/consent';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export interface ConsentRequest {
  tenantId: string | undefined;
  userId: string | undefined;
  loginHint: string | undefined;
  /** The Entra app (client) id, from the SSO token's audience (`api://host/<id>` or `<id>`). */
  clientId: string | undefined;
}

/** What the consent page needs to know, read from the person's SSO token. */
export function consentRequestFrom(token: string, loginHint: string | undefined): ConsentRequest {
  const claims = readClaims(token) ?? {};
  const text = (name: string) => (typeof claims[name] === 'string' ? claims[name] as string : undefined);
  return { tenantId: text('tid'), userId: text('oid'), loginHint: loginHint ?? text('preferred_username'), clientId: GUID.exec(text('aud') ?? '')?.[0] };
}

/** The same-origin URL Teams opens for the consent flow. */
export function consentPageUrl(origin: string, request: ConsentRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request)) if (value) query.set(name, value);
  return `${origin}${CONSENT_PAGE_PATH}?${query.toString()}`;
}

/**
 * Microsoft Entra's consent prompt for Unplug's Graph permissions, coming back to the consent page
 * (`redirect_uri` must be registered on the app: web redirect URI `https://<TAB_DOMAIN>/tab/consent`).
 * The code it returns is not used: the server gets its tokens on behalf of the person; only the
 * consent matters.
 *
 * No `prompt=consent`: without it Entra asks for consent only for what has not been granted yet.
 * With it, Entra shows the consent dialog every time, and where users may not consent themselves
 * that is "Need admin approval" even after an admin granted consent for everyone.
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow (prompt)
 */
export function entraConsentUrl(origin: string, request: ConsentRequest, state: string): string | undefined {
  if (!request.clientId || !request.tenantId) return undefined;
  const query = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: `${origin}${CONSENT_PAGE_PATH}`,
    scope: 'https://graph.microsoft.com/.default',
    state,
  });
  if (request.loginHint) query.set('login_hint', request.loginHint);
  return `https://login.microsoftonline.com/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/authorize?${query.toString()}`;
}
