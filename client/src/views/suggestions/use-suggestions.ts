import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import type { AcceptResponse, BookedBlock, Suggestion, SuggestionsResponse } from '@unplug/contract';
import { asApiError } from '../../common/problems';
import { useApiResource, type Resource } from '../../common/use-api-resource';
import { suggestionsClock, type PlanClock } from '../../format/plan-clock';
import { useSession } from '../../session/session';
import { adjustBlock, adjustBlockedReason, isAdjusted, spanOf, type Adjustment, type Span } from './adjust';

/** How many working days ahead to suggest for. */
export const SUGGESTION_DAYS = 5;

export type Action = 'accept' | 'dismiss' | 'undo';

/** A suggestion being accepted or dismissed, or whose last attempt failed. */
export type Pending = { action: Action; status: 'running'; span: Span } | { action: Action; status: 'failed'; error: ApiError };

export interface SuggestionCardModel {
  suggestion: Suggestion;
  /** The block as it would be booked now (adjusted or as suggested). */
  span: Span;
  adjusted: boolean;
  /** Which adjustments are possible from here. */
  canAdjust: Record<Adjustment, boolean>;
  /** Why an adjustment is not possible (for the disabled button), by adjustment. */
  adjustReasons: Partial<Record<Adjustment, string>>;
  pending: Pending | undefined;
}

/** A booked block; `confirming` while the accept is still on its way (optimistic). */
export interface BookedModel {
  id: string;
  kind: string;
  span: Span;
  confirming: boolean;
  /** The last cancel failed (the announcement says why). */
  undoFailed: boolean;
}

export interface SuggestionsModel {
  state: Resource<SuggestionsResponse>;
  clock: PlanClock | undefined;
  /** Open suggestions by local date, in order. */
  days: { date: string; cards: SuggestionCardModel[] }[];
  booked: BookedModel[];
  /** The last outcome, for the live region ("Booked …", "Dismissed …"). */
  announcement: string;
  accept(id: string): void;
  /** Quiet time: turn the window on, this once or every such evening/weekend (no calendar event). */
  turnOnQuiet(id: string, repeat: 'once' | 'every'): void;
  /** Cancel a booked block: Unplug deletes the event it booked, and the suggestion is open again. */
  undo(id: string): void;
  dismiss(id: string): void;
  adjust(id: string, adjustment: Adjustment): void;
  resetAdjustment(id: string): void;
  reload(): void;
}

/**
 * Suggested blocks with accept (booked at once on screen, confirmed by the server), adjust and
 * dismiss; a failure puts the suggestion back with what went wrong and a retry.
 */
export function useSuggestions(nowMs: () => number = Date.now): SuggestionsModel {
  const { api, locale } = useSession();
  const resource = useApiResource<SuggestionsResponse>('suggestions', (client, signal) =>
    client.get<SuggestionsResponse>('/api/me/suggestions', { query: { days: SUGGESTION_DAYS }, signal }));
  const { state, update, reload } = resource;
  const [pending, setPending] = useState<Record<string, Pending>>({});
  const [adjusted, setAdjusted] = useState<Record<string, Span>>({});
  const [announcement, setAnnouncement] = useState('');

  const data = state.status === 'ready' ? state.data : undefined;
  const clock = data ? suggestionsClock(data) : undefined;
  const describe = useCallback((span: Span) => (clock ? `${clock.formatDay(span.start, locale)}, ${clock.formatTimeRange(span.start, span.end, locale)}` : ''), [clock, locale]);

  const settle = (id: string, next: Pending | undefined) => setPending((all) => {
    const { [id]: _dropped, ...rest } = all;
    return next ? { ...rest, [id]: next } : rest;
  });

  const spanFor = (suggestion: Suggestion) => adjusted[suggestion.id] ?? spanOf(suggestion);

  const accept = (id: string) => {
    const suggestion = data?.suggestions.find((s) => s.id === id);
    if (!suggestion || pending[id]?.status === 'running') return;
    const span = spanFor(suggestion);
    const body = isAdjusted(span, spanOf(suggestion)) ? { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() } : undefined;
    settle(id, { action: 'accept', status: 'running', span });
    setAnnouncement(`Booking ${describe(span)}…`);
    api.post<AcceptResponse>(`/api/me/suggestions/${encodeURIComponent(id)}/accept`, body).then(
      (answer) => {
        settle(id, undefined);
        if (!('eventId' in answer)) {
          setAnnouncement(`Quiet time is on for ${describe(span)}. No calendar event was created.`);
          reload();
          return;
        }
        update((d) => withBooked(d, answer.suggestion));
        setAnnouncement(`Booked ${describe(spanOf(answer.suggestion))} in your calendar.`);
        // The booked block changes the day: the server plans the other suggestions again, so
        // cards still on screen may be gone or moved. Fetch the list as it now is.
        reload();
      },
      (e: unknown) => {
        const error = asApiError(e);
        settle(id, { action: 'accept', status: 'failed', error });
        setAnnouncement(`Could not book ${describe(span)}: ${error.message}`);
        if (error.code === 'suggestion_dismissed' || error.code === 'suggestion_not_found') reload();
      },
    );
  };

  const turnOnQuiet = (id: string, repeat: 'once' | 'every') => {
    const suggestion = data?.suggestions.find((s) => s.id === id);
    if (!suggestion || pending[id]?.status === 'running') return;
    const span = spanOf(suggestion);
    settle(id, { action: 'accept', status: 'running', span });
    setAnnouncement(`Turning on quiet time ${describe(span)}…`);
    api.post<AcceptResponse>(`/api/me/suggestions/${encodeURIComponent(id)}/accept`, { repeat }).then(
      () => {
        settle(id, undefined);
        setAnnouncement(repeat === 'every'
          ? `Quiet time is on every ${suggestion.reason === 'weekend' ? 'weekend' : 'evening'} from ${describe(span)}. No calendar event was created.`
          : `Quiet time is on for ${describe(span)}. No calendar event was created.`);
        reload();
      },
      (e: unknown) => {
        const error = asApiError(e);
        settle(id, { action: 'accept', status: 'failed', error });
        setAnnouncement(`Could not turn on quiet time: ${error.message}`);
      },
    );
  };

  const undo = (id: string) => {
    const block = data?.booked.find((b) => b.id === id);
    if (!block || pending[id]?.status === 'running') return;
    const span = spanOf(block);
    settle(id, { action: 'undo', status: 'running', span });
    setAnnouncement(`Cancelling ${describe(span)}…`);
    api.post<{ eventDeleted: boolean }>(`/api/me/suggestions/${encodeURIComponent(id)}/undo`).then(
      () => {
        settle(id, undefined);
        setAnnouncement(`Cancelled ${describe(span)}: the event is gone from your calendar and the suggestion is open again.`);
        reload();
      },
      (e: unknown) => {
        const error = asApiError(e);
        settle(id, { action: 'undo', status: 'failed', error });
        setAnnouncement(`Could not cancel ${describe(span)}: ${error.message}`);
      },
    );
  };

  const dismiss = (id: string) => {
    const suggestion = data?.suggestions.find((s) => s.id === id);
    if (!suggestion || pending[id]?.status === 'running') return;
    const span = spanFor(suggestion);
    settle(id, { action: 'dismiss', status: 'running', span });
    setAnnouncement(`Dismissing ${describe(span)}…`);
    api.post<void>(`/api/me/suggestions/${encodeURIComponent(id)}/dismiss`).then(
      () => {
        update((d) => ({ ...d, suggestions: d.suggestions.filter((s) => s.id !== id) }));
        settle(id, undefined);
        setAnnouncement(`Dismissed ${describe(span)}. It will not be suggested again.`);
      },
      (e: unknown) => {
        const error = asApiError(e);
        if (error.code === 'suggestion_not_found') {
          // Not open any more (the day was planned again after a booking, or the time passed):
          // there is nothing left to dismiss, so the card goes and the list is fetched anew.
          update((d) => ({ ...d, suggestions: d.suggestions.filter((s) => s.id !== id) }));
          settle(id, undefined);
          setAnnouncement(`${describe(span)} is no longer suggested: the list is up to date.`);
          reload();
          return;
        }
        settle(id, { action: 'dismiss', status: 'failed', error });
        setAnnouncement(`Could not dismiss ${describe(span)}: ${error.message}`);
        if (error.code === 'suggestion_booked') reload();
      },
    );
  };

  const adjust = (id: string, adjustment: Adjustment) => {
    const suggestion = data?.suggestions.find((s) => s.id === id);
    if (!suggestion) return;
    const next = adjustBlock(spanFor(suggestion), spanOf(suggestion.gap), adjustment, nowMs());
    if (!next) return;
    setAdjusted((all) => ({ ...all, [id]: next }));
    setAnnouncement(`Adjusted to ${describe(next)}.`);
  };

  const resetAdjustment = (id: string) => setAdjusted(({ [id]: _dropped, ...rest }) => rest);

  const now = nowMs();
  const cards = (data?.suggestions ?? [])
    // Optimistic: a block being accepted shows as booked, one being dismissed is gone at once.
    .filter((s) => pending[s.id]?.status !== 'running')
    .map((suggestion): SuggestionCardModel => {
      const span = spanFor(suggestion);
      const gap = spanOf(suggestion.gap);
      const can = (a: Adjustment) => adjustBlock(span, gap, a, now) !== undefined;
      const why = (a: Adjustment) => adjustBlockedReason(span, gap, a, now);
      return {
        suggestion, span, adjusted: isAdjusted(span, spanOf(suggestion)), pending: pending[suggestion.id],
        canAdjust: { earlier: can('earlier'), later: can('later'), shorter: can('shorter'), longer: can('longer') },
        adjustReasons: { earlier: why('earlier'), later: why('later'), shorter: why('shorter'), longer: why('longer') },
      };
    });
  const days = groupByDate(cards);

  const confirming: BookedModel[] = (data?.suggestions ?? []).flatMap((s) => {
    const p = pending[s.id];
    return p?.status === 'running' && p.action === 'accept' && s.kind !== 'quiet-time' ? [{ id: s.id, kind: s.kind, span: p.span, confirming: true, undoFailed: false }] : [];
  });
  const booked = [...(data?.booked ?? []).filter((b) => pending[b.id]?.status !== 'running' || pending[b.id]?.action !== 'undo')
    .map((b) => ({ id: b.id, kind: b.kind, span: spanOf(b), confirming: false, undoFailed: pending[b.id]?.status === 'failed' && pending[b.id]?.action === 'undo' })), ...confirming]
    .sort((a, b) => a.span.start - b.span.start);

  return { state, clock, days, booked, announcement, accept, turnOnQuiet, undo, dismiss, adjust, resetAdjustment, reload };
}

function withBooked(data: SuggestionsResponse, booked: BookedBlock): SuggestionsResponse {
  return {
    ...data,
    suggestions: data.suggestions.filter((s) => s.id !== booked.id),
    booked: [...data.booked.filter((b) => b.id !== booked.id), booked],
  };
}

function groupByDate(cards: SuggestionCardModel[]): { date: string; cards: SuggestionCardModel[] }[] {
  const byDate = new Map<string, SuggestionCardModel[]>();
  for (const card of [...cards].sort((a, b) => a.span.start - b.span.start)) {
    const list = byDate.get(card.suggestion.date) ?? [];
    list.push(card);
    byDate.set(card.suggestion.date, list);
  }
  return [...byDate].map(([date, list]) => ({ date, cards: list }));
}
