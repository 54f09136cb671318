import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AcceptResponse, SuggestionsResponse } from '@unplug/contract';
import { useApiResource } from '../../common/use-api-resource';
import { asApiError } from '../../common/problems';
import { suggestionsClock } from '../../format/plan-clock';
import { useSession } from '../../session/session';
import { nextStep } from './balance-summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

type Booking = { status: 'idle' } | { status: 'running' } | { status: 'done'; text: string } | { status: 'failed'; text: string };

/** The page's last word: one concrete thing to do next, from the suggestions, bookable here. */
export function NextStep({ locale }: { locale: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const { state, reload } = useApiResource<SuggestionsResponse>('next-step', (client, signal) => client.get<SuggestionsResponse>('/api/me/suggestions', { signal }));
  const [booking, setBooking] = useState<Booking>({ status: 'idle' });
  if (state.status !== 'ready') return null;
  const step = nextStep(state.data.suggestions, suggestionsClock(state.data), locale, Date.now());
  const book = (id: string, text: string) => {
    setBooking({ status: 'running' });
    api.post<AcceptResponse>(`/api/me/suggestions/${encodeURIComponent(id)}/accept`).then(
      () => { setBooking({ status: 'done', text: `Booked: ${text.replace(/^Book /, '')}. It is in your calendar.` }); reload(); },
      (e: unknown) => setBooking({ status: 'failed', text: `Could not book it: ${asApiError(e).message}` }),
    );
  };
  return (
    <section className={styles.root} aria-label="Next step" data-figure="next-step">
      <Text weight="semibold">Next step:</Text>
      {booking.status === 'done' || booking.status === 'failed'
        ? <Text role="status">{booking.text}</Text>
        : <Text>{step.text}</Text>}
      {step.suggestionId !== null && booking.status !== 'done' && (
        <Button appearance="primary" size="small" disabled={booking.status === 'running'} onClick={() => book(step.suggestionId as string, step.text)}>
          {booking.status === 'running' ? 'Booking…' : 'Book it'}
        </Button>
      )}
    </section>
  );
}
