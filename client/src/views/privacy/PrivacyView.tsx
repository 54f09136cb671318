import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular } from '@fluentui/react-icons';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { formatCount } from '../../format/format';
import { useSession } from '../../session/session';
import { usePrivacy } from './use-privacy';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(18rem, 100%), 1fr))', gap: tokens.spacingHorizontalXL },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const STORED = [
  'Your settings: quiet time, targets and block preferences.',
  'Suggestions you accepted or dismissed, with their times and the id of the calendar event booked.',
  'Your Teams presence as time intervals (available, away, in a call…), if your organisation turned presence history on; deleted after the retention period.',
  'Weekly totals of your balance, so teams you opted in to can show aggregates.',
  'Which teams you share your figures with.',
];

const NOT_STORED = [
  'Event subjects, bodies, attendees or locations: Unplug never asks Microsoft 365 for them.',
  'Message or chat content of any kind.',
  'Access tokens: they are used for the request and forgotten.',
];

export function PrivacyView() {
  const styles = useStyles();
  const { locale } = useSession();
  const privacy = usePrivacy();
  const { exportTask, eraseTask } = privacy;
  return (
    <ViewFrame title="Privacy" description="What Unplug keeps about you, what it never keeps, and your copy or deletion of it.">
      <div className={styles.columns}>
        <section className={styles.part} aria-labelledby="privacy-stored">
          <Text as="h3" id="privacy-stored" size={400} weight="semibold" className={styles.heading}>What Unplug stores</Text>
          <ul className={styles.list}>{STORED.map((item) => <li key={item}>{item}</li>)}</ul>
        </section>
        <section className={styles.part} aria-labelledby="privacy-not-stored">
          <Text as="h3" id="privacy-not-stored" size={400} weight="semibold" className={styles.heading}>What it never stores</Text>
          <ul className={styles.list}>{NOT_STORED.map((item) => <li key={item}>{item}</li>)}</ul>
          <Text as="p" className={styles.note}>Your calendar stays in Outlook: Unplug reads the times of events when you open it and keeps only the figures above.</Text>
        </section>
      </div>

      <section className={styles.part} aria-labelledby="privacy-export">
        <Text as="h3" id="privacy-export" size={400} weight="semibold" className={styles.heading}>Export my data</Text>
        <Text as="p" className={styles.note}>Downloads everything Unplug stores about you as a JSON file.</Text>
        <Button icon={exportTask.status === 'running' ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />} onClick={privacy.exportData}
          disabled={exportTask.status === 'running'}>
          Export my data
        </Button>
        <Text role="status" className={styles.note}>
          {exportTask.status === 'done' && `Downloaded ${formatCount(exportTask.result.records, locale)} records from ${formatCount(exportTask.result.tables, locale)} tables.`}
        </Text>
        {exportTask.status === 'failed' && <ProblemMessage error={exportTask.error} title="Could not export your data." onRetry={privacy.exportData} />}
      </section>

      <section className={styles.part} aria-labelledby="privacy-delete">
        <Text as="h3" id="privacy-delete" size={400} weight="semibold" className={styles.heading}>Delete my data</Text>
        <Text as="p" className={styles.note}>
          Erases everything Unplug stores about you. Blocks already booked stay in your Outlook calendar; delete them there if you want them gone.
        </Text>
        <ConfirmDelete running={eraseTask.status === 'running'} onConfirm={privacy.eraseData} />
        {eraseTask.status === 'done' && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{`Deleted. ${formatCount(eraseTask.result.records, locale)} records about you were erased; Unplug starts afresh the next time you open it.`}</MessageBarBody>
          </MessageBar>
        )}
        {eraseTask.status === 'failed' && <ProblemMessage error={eraseTask.error} title="Your data was not deleted." onRetry={privacy.eraseData} />}
      </section>
    </ViewFrame>
  );
}

function ConfirmDelete({ running, onConfirm }: { running: boolean; onConfirm(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={running ? <Spinner size="extra-tiny" /> : <DeleteRegular />} disabled={running}>Delete my data…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete everything Unplug stores about you?</DialogTitle>
          <DialogContent>
            Your settings, accepted and dismissed suggestions, presence history, weekly totals and team opt-ins are erased for good.
            Booked blocks stay in your Outlook calendar. This cannot be undone.
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => {
              setOpen(false);
              onConfirm();
            }}>
              Delete my data
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
