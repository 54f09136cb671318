import { useId, useState } from 'react';
import {
  Button, Card, CardFooter, CardHeader, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, ToggleButton, makeStyles, tokens,
} from '@fluentui/react-components';
import { problemKind } from '../../common/problems';
import { ProblemMessage } from '../../common/ProblemMessage';
import { formatDuration } from '../../format/format';
import type { PlanClock } from '../../format/plan-clock';
import { ADJUSTMENTS, type Adjustment } from './adjust';
import { kindLabel } from './kinds';
import type { SuggestionCardModel } from './use-suggestions';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  time: { margin: 0 },
  explanation: { margin: 0, color: tokens.colorNeutralForeground2 },
  adjust: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  footer: { flexWrap: 'wrap' },
  action: { minWidth: 'auto' },
});

const ADJUST_LABELS: Record<Adjustment, string> = {
  earlier: '15 min earlier',
  later: '15 min later',
  shorter: '15 min shorter',
  longer: '15 min longer',
};

interface SuggestionCardProps {
  card: SuggestionCardModel;
  clock: PlanClock;
  locale: string;
  onAccept(id: string): void;
  onTurnOnQuiet(id: string, repeat: 'once' | 'every'): void;
  onDismiss(id: string): void;
  onAdjust(id: string, adjustment: Adjustment): void;
  onReset(id: string): void;
}

/** One suggestion: when, why, and Accept / Adjust / Dismiss. */
export function SuggestionCard({ card, clock, locale, onAccept, onTurnOnQuiet, onDismiss, onAdjust, onReset }: SuggestionCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const reasonsId = useId();
  const [adjusting, setAdjusting] = useState(false);
  const { suggestion, span, pending } = card;
  const id = suggestion.id;
  const time = clock.formatTimeRange(span.start, span.end, locale);
  const duration = formatDuration((span.end - span.start) / 60_000, locale);
  const failed = pending?.status === 'failed' ? pending : undefined;

  return (
    <Card className={styles.card} role="group" aria-labelledby={titleId} data-suggestion-id={id}>
      <CardHeader
        header={<Text id={titleId} weight="semibold">{`${kindLabel(suggestion.kind)}, ${time}`}</Text>}
        description={<Text size={200}>{card.adjusted ? `${duration} (adjusted)` : duration}</Text>}
      />
      <Text as="p" className={styles.explanation}>{suggestion.explanation}</Text>
      {failed && (problemKind(failed.error) === 'other' || problemKind(failed.error) === 'forbidden' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {failed.action === 'accept' ? (suggestion.kind === 'quiet-time' ? 'Could not turn on this quiet time: ' : 'Could not book this block: ') : 'Could not dismiss this suggestion: '}{failed.error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => (failed.action === 'accept' ? onAccept(id) : onDismiss(id))}>Retry</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <ProblemMessage error={failed.error} title={failed.action === 'accept' ? 'Could not book this block.' : 'Could not dismiss this suggestion.'}
          onRetry={() => (failed.action === 'accept' ? onAccept(id) : onDismiss(id))} />
      ))}
      {adjusting && (
        <>
          <div className={styles.adjust} role="group" aria-label={`Adjust ${time}`}>
            {ADJUSTMENTS.map((adjustment) => {
              const reason = card.adjustReasons[adjustment];
              return (
                <Button key={adjustment} size="small" disabledFocusable={!card.canAdjust[adjustment]} onClick={() => onAdjust(id, adjustment)}
                  title={reason} aria-describedby={reason ? `${titleId} ${reasonsId}` : titleId} data-adjust={adjustment}>
                  {ADJUST_LABELS[adjustment]}
                </Button>
              );
            })}
            {card.adjusted && <Button size="small" appearance="subtle" onClick={() => onReset(id)}>As suggested</Button>}
          </div>
          {ADJUSTMENTS.some((a) => card.adjustReasons[a]) && (
            <Text as="p" size={200} id={reasonsId} className={styles.explanation} data-figure="adjust-reasons">
              {ADJUSTMENTS.filter((a) => card.adjustReasons[a]).map((a) => `${ADJUST_LABELS[a]}: ${(card.adjustReasons[a] ?? '').replace(/^Not possible: /, 'not possible, ')}`).join(' ')}
            </Text>
          )}
        </>
      )}
      {suggestion.kind === 'quiet-time' ? (
        <CardFooter className={styles.footer}>
          <Button className={styles.action} appearance="primary" onClick={() => onTurnOnQuiet(id, 'once')} aria-describedby={titleId}
            disabled={pending?.status === 'running'} icon={pending?.status === 'running' && pending.action === 'accept' ? <Spinner size="extra-tiny" /> : undefined}>
            Turn on this once
          </Button>
          <Button className={styles.action} onClick={() => onTurnOnQuiet(id, 'every')} aria-describedby={titleId} disabled={pending?.status === 'running'}>
            {suggestion.reason === 'weekend' ? 'Every weekend' : 'Every evening'}
          </Button>
          <Button className={styles.action} appearance="subtle" onClick={() => onDismiss(id)} aria-describedby={titleId} disabled={pending?.status === 'running'}>Dismiss</Button>
        </CardFooter>
      ) : (
      <CardFooter className={styles.footer}>
        <Button className={styles.action} appearance="primary" onClick={() => onAccept(id)} aria-describedby={titleId}
          disabled={pending?.status === 'running'} icon={pending?.status === 'running' && pending.action === 'accept' ? <Spinner size="extra-tiny" /> : undefined}>
          Accept
        </Button>
        <ToggleButton className={styles.action} checked={adjusting} onClick={() => setAdjusting((a) => !a)} aria-describedby={titleId}>Adjust</ToggleButton>
        <Button className={styles.action} appearance="subtle" onClick={() => onDismiss(id)} aria-describedby={titleId} disabled={pending?.status === 'running'}>Dismiss</Button>
      </CardFooter>
      )}
      {suggestion.kind === 'quiet-time' && (
        <Text as="p" size={200} className={styles.explanation}>A window, not a calendar event: it sets your status (if you turned that on) and warns you about meetings inside it.</Text>
      )}
    </Card>
  );
}
