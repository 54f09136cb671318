import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { NudgeSwitches } from '@unplug/contract';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { SwitchField } from '../../settings/fields';
import { useNudges } from './use-nudges';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const SWITCHES: { key: keyof NudgeSwitches; label: string; hint: string }[] = [
  { key: 'startingSoon', label: 'A block or quiet time starts in 5 minutes', hint: 'The first of the day, so you can wrap up.' },
  { key: 'longDay', label: 'After a long connected day, a suggestion for tomorrow', hint: 'Near the end of your working day; measured from your presence timeline, so it needs that on.' },
  { key: 'weeklySummary', label: 'A weekly summary', hint: 'At the end of your week: its balance, the trend against the last four weeks, one suggestion.' },
];

/**
 * Opt-ins for nudges in the Teams activity feed. Each is off until turned on; none is sent in
 * quiet time or outside working hours (except the notice that quiet time starts).
 */
export function NudgesSection() {
  const styles = useStyles();
  const nudges = useNudges();
  const { state } = nudges;
  return (
    <section className={styles.section} aria-labelledby="nudges-heading">
      <Text as="h3" id="nudges-heading" size={400} weight="semibold" className={styles.heading}>Nudges in Teams</Text>
      <Text as="p" className={styles.note}>
        Short notices in your Teams activity feed, at most one of each a day, never in your quiet time or outside your working hours.
      </Text>
      {state.status === 'loading' && <LoadingState label="Loading your nudges…" lines={3} />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load your nudges." onRetry={nudges.reload} />}
      {state.status === 'ready' && (
        <>
          {!state.data.available && state.data.reason && <Text as="p" className={styles.note}>Nudges cannot be sent now: {state.data.reason.message}</Text>}
          {SWITCHES.map((s) => (
            <SwitchField key={s.key} label={s.label} hint={s.hint} checked={state.data[s.key]}
              disabled={nudges.saving !== undefined} onChange={(on) => { void nudges.toggle(s.key, on); }} />
          ))}
          {nudges.error && <ProblemMessage error={nudges.error} title="Could not save that change." />}
        </>
      )}
    </section>
  );
}
