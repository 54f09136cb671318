import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemMessage } from '../common/ProblemMessage';
import type { SettingsForm } from './use-settings-form';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground2 },
});

/** Save and Undo for a settings form, with what happened to the last save. */
export function SaveBar<T extends object>({ form, label }: { form: SettingsForm<T>; label: string }) {
  const styles = useStyles();
  const { status } = form;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={status.kind === 'saving'}>{label}</Button>
        <Button onClick={form.reset} disabled={!form.dirty || status.kind === 'saving'}>Undo changes</Button>
        <Text role="status" className={styles.status}>
          {status.kind === 'saving' && <Spinner size="extra-tiny" label="Saving…" labelPosition="after" />}
          {status.kind === 'saved' && 'Saved.'}
          {status.kind === 'idle' && form.dirty && 'Unsaved changes.'}
        </Text>
      </div>
      {status.kind === 'invalid' && (
        <MessageBar intent="error"><MessageBarBody>{`Nothing was saved: ${status.count === 1 ? 'one field needs' : `${status.count} fields need`} a fix (marked above).`}</MessageBarBody></MessageBar>
      )}
      {status.kind === 'failed' && status.fieldsOnly && (
        <MessageBar intent="error"><MessageBarBody>Nothing was saved: the server found problems with the fields marked above.</MessageBarBody></MessageBar>
      )}
      {status.kind === 'failed' && !status.fieldsOnly && <ProblemMessage error={status.error} title="Your changes were not saved." onRetry={form.submit} />}
    </div>
  );
}
