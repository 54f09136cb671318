import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSession } from '../session/session';
import { useConsentPage } from './use-consent-page';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  spinner: { justifyContent: 'flex-start' },
});

/** The page Teams shows in its authentication pop-up when Unplug needs consent. */
export function ConsentPage() {
  const styles = useStyles();
  const { host } = useSession();
  const { state, allow, cancel } = useConsentPage(host);
  return (
    <main className={styles.root}>
      <Text as="h2" size={500} weight="semibold" className={styles.text}>Give Unplug access</Text>
      {state.kind === 'outside-teams' && (
        <Text as="p" className={styles.text}>Teams opens this page when Unplug needs your permission. There is nothing to do here outside Teams.</Text>
      )}
      {(state.kind === 'checking' || state.kind === 'redirecting') && (
        <Spinner className={styles.spinner} size="small" label={state.kind === 'checking' ? 'Preparing the request…' : 'Opening Microsoft sign-in…'} />
      )}
      {state.kind === 'demo-prompt' && (
        <>
          <Text as="p" className={styles.text}>This is the demo organisation, so the demo sign-in asks instead of Microsoft. Unplug would like to:</Text>
          <ul className={styles.list}>
            <li>read your calendar and book the blocks you accept,</li>
            <li>read your working hours and time zone,</li>
            <li>read your Teams presence, and set your status during quiet time if you turn that on.</li>
          </ul>
          <Text as="p" className={styles.text}>It never reads event subjects, bodies or messages.</Text>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={allow} disabled={state.granting}>{state.granting ? 'Granting…' : 'Allow'}</Button>
            <Button onClick={cancel} disabled={state.granting}>Cancel</Button>
          </div>
        </>
      )}
      {state.kind === 'finished' && <Text as="p" className={styles.text} role="status">Done. You can close this window.</Text>}
      {state.kind === 'failed' && <MessageBar intent="error"><MessageBarBody>Access was not granted: {state.message}</MessageBarBody></MessageBar>}
    </main>
  );
}
