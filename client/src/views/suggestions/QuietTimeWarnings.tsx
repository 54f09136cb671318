import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuietTimeWarning } from '@unplug/contract';
import type { PlanClock } from '../../format/plan-clock';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Meetings already scheduled inside quiet time: Unplug never moves them, it only says so. */
export function QuietTimeWarnings({ warnings, clock, locale }: { warnings: QuietTimeWarning[]; clock: PlanClock; locale: string }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Meetings in your quiet time">
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>Meetings in your quiet time</Text>
      {warnings.length === 0 ? (
        <Text as="p" className={styles.note}>None in the coming days.</Text>
      ) : warnings.map((warning) => (
        <MessageBar key={warning.id} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${clock.formatDay(warning.start, locale)}, ${clock.formatTimeRange(warning.start, warning.end, locale)}`}</MessageBarTitle>
            {warning.explanation} Unplug does not move meetings; decline or move it in Outlook if you can.
          </MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
