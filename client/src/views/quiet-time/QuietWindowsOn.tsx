import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuietChoice, QuietWindowOn } from '@unplug/contract';
import { asApiError } from '../../common/problems';
import type { PlanClock } from '../../format/plan-clock';
import { useSession } from '../../session/session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface QuietWindowsOnProps {
  windows: QuietWindowOn[];
  choices: QuietChoice[];
  clock: PlanClock;
  locale: string;
  /** What the automatic status does in these windows, in words. */
  statusBehaviour: string;
  onChanged(): void;
}

/** What a choice is, in words: "Every evening", "Every weekend", "Once". */
export function choiceLabel(choice: Pick<QuietChoice, 'repeat' | 'kind'> | undefined): string {
  if (!choice) return 'On';
  if (choice.repeat === 'once') return 'Once';
  return choice.kind === 'weekend' ? 'Every weekend' : 'Every evening';
}

/**
 * The quiet windows that are on (quiet time is a window, not a calendar event), what the status does
 * in them, and a way to turn each choice off.
 */
export function QuietWindowsOn({ windows, choices, clock, locale, statusBehaviour, onChanged }: QuietWindowsOnProps) {
  const styles = useStyles();
  const { api } = useSession();
  const [message, setMessage] = useState('');
  const turnOff = (choice: QuietChoice) => {
    api.delete(`/api/me/quiet-windows/${encodeURIComponent(choice.id)}`).then(
      () => { setMessage(`${choiceLabel(choice)} quiet time is off.`); onChanged(); },
      (e: unknown) => setMessage(`Could not turn it off: ${asApiError(e).message}`),
    );
  };
  const byId = new Map(choices.map((c) => [c.id, c]));
  return (
    <section className={styles.root} aria-label="Quiet windows that are on" data-figure="quiet-windows-on">
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>Quiet windows that are on</Text>
      <Text as="p" className={styles.note}>
        Quiet time is a window, not a calendar event: nothing is added to your calendar and colleagues do not see you busy. {statusBehaviour}
      </Text>
      {windows.length === 0 ? (
        <Text as="p" className={styles.note}>None in the coming days. Turn one on from its suggestion (once, or every evening or weekend).</Text>
      ) : (
        <ul className={styles.list}>
          {windows.map((w) => (
            <li key={`${w.start}-${w.choiceId}`} className={styles.item} data-quiet-window={w.choiceId}>
              <Text>{`${clock.formatDay(w.start, locale)}, ${clock.formatTime(w.start, locale)} – ${clock.formatDay(w.end, locale)}, ${clock.formatTime(w.end, locale)}`}</Text>
              <Text size={200} className={styles.note}>{choiceLabel(byId.get(w.choiceId))}</Text>
            </li>
          ))}
        </ul>
      )}
      {choices.length > 0 && (
        <div className={styles.item}>
          {choices.map((c) => (
            <Button key={c.id} size="small" onClick={() => turnOff(c)}>
              {c.repeat === 'once' ? `Turn off ${clock.formatDay(c.start, locale)}` : `Turn off ${choiceLabel(c).toLowerCase()}`}
            </Button>
          ))}
        </div>
      )}
      <Text as="p" role="status" size={200} className={styles.note}>{message}</Text>
    </section>
  );
}
