import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../common/EmptyState';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { formatDate } from '../../format/format';
import { useSession } from '../../session/session';
import { BookedList } from './BookedList';
import { QuietTimeWarnings } from './QuietTimeWarnings';
import { SuggestionCard } from './SuggestionCard';
import { SUGGESTION_DAYS, useSuggestions } from './use-suggestions';

const useStyles = makeStyles({
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(18rem, 100%), 1fr))', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  status: { margin: 0, minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
});

export function SuggestionsView() {
  const styles = useStyles();
  const { locale } = useSession();
  const model = useSuggestions();
  const { state, clock } = model;
  const zone = clock ? ` Times are in your working-hours time zone (${clock.describe(locale)}).` : '';

  return (
    <ViewFrame
      title="Suggestions"
      description={`Time to disconnect in the next ${SUGGESTION_DAYS} working days, picked from the free gaps in your calendar.${zone}`}
      actions={<Button icon={<ArrowClockwiseRegular />} onClick={model.reload} disabled={state.status === 'loading'}>Refresh</Button>}
    >
      <Text as="p" role="status" className={styles.status}>{model.announcement}</Text>
      {state.status === 'loading' && <LoadingState label="Loading your suggestions…" />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load your suggestions." onRetry={model.reload} />}
      {state.status === 'ready' && clock && (
        <>
          {model.days.length === 0 && (
            <EmptyState title="No suggestions right now.">
              Either your disconnect target is already met by the blocks you booked, or your calendar has no free gap long enough in
              the coming days. Change your target or block lengths under Quiet time.
            </EmptyState>
          )}
          {model.days.map(({ date, cards }) => (
            <section key={date} className={styles.day} aria-label={formatDate(date, locale, 'long')}>
              <Text as="h3" size={400} weight="semibold" className={styles.heading}>{formatDate(date, locale, 'long')}</Text>
              <div className={styles.cards}>
                {cards.map((card) => (
                  <SuggestionCard key={card.suggestion.id} card={card} clock={clock} locale={locale}
                    onAccept={model.accept} onTurnOnQuiet={model.turnOnQuiet} onDismiss={model.dismiss} onAdjust={model.adjust} onReset={model.resetAdjustment} />
                ))}
              </div>
            </section>
          ))}
          <BookedList booked={model.booked} clock={clock} locale={locale} onUndo={model.undo} />
          <QuietTimeWarnings warnings={state.data.warnings} clock={clock} locale={locale} />
        </>
      )}
    </ViewFrame>
  );
}
