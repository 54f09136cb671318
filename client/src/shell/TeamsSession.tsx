import { useCallback, useEffect, useMemo, useState } from 'react';
import { Text } from '@fluentui/react-components';
import { createApiClient } from '../api/api-client';
import { consentPageUrl, consentRequestFrom } from '../consent/consent-url';
import type { TeamsHost } from '../host/host';
import { deepLinkedPath } from '../routing/route';
import { useIsAdmin } from '../session/use-is-admin';
import { Shell } from './Shell';

/** Inside Teams: the person is whoever Teams signed in; tokens come from the host. */
export function TeamsSession({ host }: { host: TeamsHost }) {
  // A deep link (a nudge in the activity feed) names the view to open, before the shell reads the address.
  useState(() => {
    const path = deepLinkedPath(window.location.pathname, host.context.subPageId);
    if (path) window.history.replaceState(null, '', path + window.location.search);
  });
  const api = useMemo(() => createApiClient({ getToken: host.getAuthToken }), [host]);
  const isAdmin = useIsAdmin(api);
  const grantConsent = useCallback(async () => {
    const request = consentRequestFrom(await host.getAuthToken(), host.context.user.loginHint);
    await host.authenticate({ url: consentPageUrl(window.location.origin, request), width: 600, height: 600 });
  }, [host]);
  const session = useMemo(() => ({ host, locale: host.context.locale, api, isAdmin, grantConsent }), [host, api, isAdmin, grantConsent]);

  useEffect(() => host.reportLoaded(), [host]);

  const { user } = host.context;
  const who = user.displayName ?? user.userPrincipalName ?? user.loginHint;
  return <Shell session={session} mode={<Text>{who ? `In Teams as ${who}` : 'In Teams'}</Text>} />;
}
