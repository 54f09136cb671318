import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanClock } from '../../format/plan-clock';
import { kindLabel } from './kinds';
import type { BookedModel } from './use-suggestions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Blocks already in the calendar (and those on their way there). */
export function BookedList({ booked, clock, locale, onUndo }: { booked: BookedModel[]; clock: PlanClock; locale: string; onUndo(id: string): void }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Booked">
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>Booked</Text>
      {booked.length === 0 ? (
        <Text as="p" className={styles.note}>Nothing booked yet. Blocks you accept appear here and in your Outlook calendar.</Text>
      ) : (
        <ul className={styles.list}>
          {booked.map((block) => (
            <li key={block.id} className={styles.item} data-booked-id={block.id}>
              <Text>{`${kindLabel(block.kind)}, ${clock.formatDay(block.span.start, locale)}, ${clock.formatTimeRange(block.span.start, block.span.end, locale)}`}</Text>
              {block.confirming
                ? <Spinner size="extra-tiny" label="Booking…" />
                : <Badge appearance="filled" color="success">Booked</Badge>}
              {!block.confirming && block.kind !== 'quiet-time' && (
                <Button size="small" appearance="subtle" onClick={() => onUndo(block.id)}
                  aria-label={`Undo: cancel ${kindLabel(block.kind).toLowerCase()}, ${clock.formatDay(block.span.start, locale)}, ${clock.formatTimeRange(block.span.start, block.span.end, locale)}`}>
                  {block.undoFailed ? 'Undo (try again)' : 'Undo'}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
