import { DEMO_CLIENT_ID } from '../constants';
import { redirectUrisFor, type DemoRegistration } from '../registration';
import { oauthError, type OAuthAnswer } from './oauth-error';

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Whether `redirectUri` is one the registration (`aad.manifest.json`, web and spa
 * `redirectUris`) names, with `${{TAB_DOMAIN}}` being the host the demo is reached on. Entra
 * compares exactly; the demo also takes the `http://` form of a registered URI on a loopback
 * host, because it serves plain http there. Otherwise Entra's AADSTS50011.
 */
export function checkRedirectUri(registration: DemoRegistration, host: string, redirectUri: string | undefined, now: number): OAuthAnswer | undefined {
  const registered = redirectUrisFor(registration, host);
  const given = redirectUri ?? '';
  const candidates = LOOPBACK.test(host) ? [...registered, ...registered.map((u) => u.replace(/^https:\/\//, 'http://'))] : registered;
  if (candidates.includes(given)) return undefined;
  return oauthError(400, 'invalid_request', 50011,
    `The redirect URI '${given}' specified in the request does not match the redirect URIs configured for the application '${DEMO_CLIENT_ID}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    { now });
}
