import { Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSession } from '../session/session';
import { TAB_NAME_MAX } from './channel-tab-config';
import { useChannelConfig } from './use-channel-config';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  text: { margin: 0 },
  spinner: { justifyContent: 'flex-start' },
});

/** Shown by Teams when someone adds Unplug as a tab to a channel. */
export function ChannelConfigPage() {
  const styles = useStyles();
  const { host } = useSession();
  const { status, name, nameProblem, setName } = useChannelConfig(host);
  const editable = status.kind === 'ready' || status.kind === 'failed';
  return (
    <main className={styles.root}>
      <Text as="h2" size={500} weight="semibold" className={styles.text}>Add Unplug to this channel</Text>
      <Text as="p" className={styles.text}>
        The tab shows the team&apos;s balance as aggregate figures only, never anyone&apos;s own numbers, and
        only once enough members have opted in. Each member chooses for themselves.
      </Text>
      {(editable || status.kind === 'saving') && (
        <Field label="Tab name" hint={`Up to ${TAB_NAME_MAX} characters.`} validationState={nameProblem ? 'error' : 'none'} validationMessage={nameProblem}>
          <Input value={name} onChange={(_event, data) => setName(data.value)} disabled={!editable} />
        </Field>
      )}
      {status.kind === 'ready' && <Text as="p" className={styles.text}>{nameProblem ? 'Save is available once the tab has a name.' : 'Select Save to add the tab.'}</Text>}
      {status.kind === 'saving' && <Spinner className={styles.spinner} size="small" label="Saving…" />}
      {status.kind === 'saved' && <Text as="p" className={styles.text}>Saved. Teams adds the tab to the channel now.</Text>}
      {status.kind === 'failed' && <MessageBar intent="error"><MessageBarBody>{status.message}</MessageBarBody></MessageBar>}
      {status.kind === 'outside-teams' && (
        <Text as="p" className={styles.text}>Teams shows this page when a channel tab is added. Outside Teams there is nothing to set up.</Text>
      )}
      {status.kind === 'not-settings' && (
        <Text as="p" className={styles.text}>Teams opened this page outside a tab&apos;s setup, so there is nothing to save here.</Text>
      )}
    </main>
  );
}
