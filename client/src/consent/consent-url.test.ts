import { describe, expect, it } from 'vitest';
import { consentPageUrl, consentRequestFrom, entraConsentUrl } from './consent-url';

const jwt = (payload: unknown) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
const CLIENT = 'c0ffee00-4a11-4e5b-8d2c-0123456789ab';

describe('consent URLs', () => {
  it('reads tenant, person and app from the SSO token', () => {
    const request = consentRequestFrom(jwt({ tid: 't1', oid: 'u1', aud: `api://localhost/${CLIENT}` }), 'megan@contoso.test');
    expect(request).toEqual({ tenantId: 't1', userId: 'u1', loginHint: 'megan@contoso.test', clientId: CLIENT });
    expect(consentPageUrl('https://unplug.test', request))
      .toBe(`https://unplug.test/tab/consent?tenantId=t1&userId=u1&loginHint=megan%40contoso.test&clientId=${CLIENT}`);
  });

  it('sends Entra the app, the Graph scope, the way back and the state', () => {
    const url = new URL(entraConsentUrl('https://unplug.test', { tenantId: 't1', userId: 'u1', loginHint: undefined, clientId: CLIENT }, 's1') ?? '');
    expect(url.origin + url.pathname).toBe('https://login.microsoftonline.com/t1/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT, redirect_uri: 'https://unplug.test/tab/consent', state: 's1', scope: 'https://graph.microsoft.com/.default',
    });
    // No prompt=consent: it would ask again (or say "Need admin approval") after an admin consented for everyone.
    expect(url.searchParams.has('prompt')).toBe(false);
    expect(entraConsentUrl('https://unplug.test', { tenantId: undefined, userId: undefined, loginHint: undefined, clientId: CLIENT }, 's')).toBeUndefined();
  });
});
