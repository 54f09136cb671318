import { useCallback, useMemo } from 'react';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles } from '@fluentui/react-components';
import { createApiClient } from '../api/api-client';
import { grantDemoConsent } from '../demo/demo-identity';
import { DemoActivityFeed } from '../demo/DemoActivityFeed';
import { PersonSwitcher } from '../demo/PersonSwitcher';
import { useDemoIdentity } from '../demo/use-demo-identity';
import type { DemoHost } from '../host/host';
import { useIsAdmin } from '../session/use-is-admin';
import { Shell } from './Shell';

const useStyles = makeStyles({
  // One line: a wrapped badge would draw its two lines over each other (its height is fixed).
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** Outside Teams: the demo tenant's people, one at a time, chosen with the person switcher. */
export function DemoSession({ host }: { host: DemoHost }) {
  const styles = useStyles();
  const { state, selectPerson, getToken } = useDemoIdentity();
  const ready = state.status === 'ready';
  const api = useMemo(() => createApiClient({ getToken }), [getToken]);
  const isAdmin = useIsAdmin(ready ? api : undefined);
  const personId = ready ? state.person.id : undefined;
  const grantConsent = useCallback(async () => {
    if (personId === undefined) throw new Error('no demo person is selected');
    await grantDemoConsent(personId);
  }, [personId]);
  const session = useMemo(() => ({ host, locale: host.locale, api, isAdmin, grantConsent }), [host, api, isAdmin, grantConsent]);

  const mode = (
    <>
      <Badge className={styles.badge} appearance="tint" color="informative">Demo mode</Badge>
      {state.status === 'loading' && <Spinner size="extra-tiny" label="Loading demo people…" />}
      {state.status === 'ready' && <PersonSwitcher people={state.people} personId={state.person.id} onSelect={selectPerson} />}
    </>
  );
  const notice = state.status === 'error' && (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Demo mode cannot sign anyone in.</MessageBarTitle>
        {state.message}
      </MessageBarBody>
    </MessageBar>
  );
  const feed = personId !== undefined && <DemoActivityFeed key={personId} userId={personId} locale={host.locale} />;
  return <Shell session={session} mode={mode} notice={<>{notice}{feed}</>} />;
}
