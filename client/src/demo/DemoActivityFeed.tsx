import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { safeLocale } from '../format/format';
import { pathOf, type ViewId } from '../routing/route';
import { useDemoActivity } from './use-demo-activity';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Shown in this many entries; the feed keeps more. */
const SHOWN = 5;

/** Opens a view the way a Teams deep link would: the tab's route changes, no reload. */
function openView(view: ViewId): void {
  window.history.pushState(null, '', pathOf('personal', view) + window.location.search);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * Demo mode: the selected person's Teams activity feed as the demo tenant received it, so a
 * newcomer sees the nudges Unplug sends (in Teams they arrive in Teams' own feed).
 */
export function DemoActivityFeed({ userId, locale }: { userId: string; locale: string }) {
  const styles = useStyles();
  const { state, reload } = useDemoActivity(userId);
  const count = state.status === 'ready' ? state.items.length : undefined;
  const time = new Intl.DateTimeFormat(safeLocale(locale), { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  return (
    <Accordion collapsible>
      <AccordionItem value="feed">
        <AccordionHeader size="small">Teams activity feed (demo){count === undefined ? '' : `: ${count} ${count === 1 ? 'nudge' : 'nudges'}`}</AccordionHeader>
        <AccordionPanel>
          {state.status === 'loading' && <Text className={styles.muted}>Loading the feed…</Text>}
          {state.status === 'error' && <Text className={styles.muted}>{state.message}</Text>}
          {state.status === 'ready' && state.items.length === 0 && (
            <Text as="p" className={styles.muted}>No nudges yet. Turn them on under Quiet time; they arrive at the moments they are meant for.</Text>
          )}
          {state.status === 'ready' && state.items.length > 0 && (
            <ul className={styles.list} aria-label="Nudges received, newest first">
              {state.items.slice(0, SHOWN).map((item) => (
                <li key={item.id} className={styles.item}>
                  {item.view ? <Link href={pathOf('personal', item.view)} onClick={(event) => { event.preventDefault(); openView(item.view!); }}>{item.text}</Link> : <Text weight="semibold">{item.text}</Text>}
                  {item.previewText && <Text size={200}>{item.previewText}</Text>}
                  <Text size={200} className={styles.muted}>{time.format(new Date(item.createdDateTime))}</Text>
                </li>
              ))}
            </ul>
          )}
          <Button size="small" appearance="subtle" onClick={reload}>Refresh the feed</Button>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
