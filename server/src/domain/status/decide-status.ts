/**
 * The automatic status's decisions. A job asks, per person: is a window starting (set a status)
 * or has ours ended (clear it)? Before it writes anything to Teams it looks at what the person's
 * presence shows now, and never overwrites a status message the person set themselves: one that
 * is not the text Unplug set.
 */
import type { Availability, Instant, PreferredPresence } from '../types';
import { MINUTE_MS } from '../time/local-date';
import type { StatusWindow } from './status-windows';
import { windowAt } from './status-windows';

export type AssignmentState = 'setting' | 'set' | 'clearing' | 'cleared' | 'left';

/** What Unplug did for one window (the latest one is what matters). */
export interface StatusAssignment {
  windowStart: Instant;
  windowEnd: Instant;
  message: string;
  preferredPresence: PreferredPresence | null;
  state: AssignmentState;
  /** When the state last changed: for a `set` one, when Unplug last set its presence session. */
  updatedAt?: Instant;
}

/**
 * Unplug's presence session lasts at most this long (Graph's `setPresence` takes PT5M..PT4H), so a
 * longer window has it set again this long before it runs out.
 */
export const PRESENCE_SESSION_MAX_MS = 240 * MINUTE_MS;
export const PRESENCE_REFRESH_MARGIN_MS = 20 * MINUTE_MS;

/** What the person's presence shows now (Graph `presence`). */
export interface ObservedStatus {
  /** The status message text, or `null` when there is none (or it expired). */
  message: string | null;
  availability: Availability;
}

export type StatusStep =
  | { step: 'idle' }
  /** A window is on and nothing was done for it yet; `previous` is a status of ours still showing. */
  | { step: 'start'; window: StatusWindow; previous: StatusAssignment | undefined }
  /** Our status is showing but its window is over (or gone). */
  | { step: 'end'; assignment: StatusAssignment }
  /** The window goes on past our presence session (4 hours at most): set it again before it lapses. */
  | { step: 'refresh'; window: StatusWindow; assignment: StatusAssignment };

/**
 * What is due for a person now, from their windows and the latest assignment — without looking
 * at Teams yet, so only people with something to do cost a Graph read.
 */
export function statusStep(windows: readonly StatusWindow[], latest: StatusAssignment | undefined, now: Instant): StatusStep {
  const window = windowAt(windows, now);
  if (window) {
    if (latest && latest.windowStart === window.start) {
      const sessionEnd = latest.updatedAt === undefined ? undefined : latest.updatedAt + PRESENCE_SESSION_MAX_MS;
      const lapses = latest.state === 'set' && latest.preferredPresence !== null && sessionEnd !== undefined
        && window.end > sessionEnd && now >= sessionEnd - PRESENCE_REFRESH_MARGIN_MS;
      return lapses ? { step: 'refresh', window, assignment: latest } : { step: 'idle' };
    }
    return { step: 'start', window, previous: latest?.state === 'set' ? latest : undefined };
  }
  if (latest?.state === 'set') return { step: 'end', assignment: latest };
  return { step: 'idle' };
}

export type StartDecision =
  | { action: 'set'; message: string; expiresAt: Instant; preferredPresence: PreferredPresence | null; presenceMinutes: number | null }
  /** The person shows a status message of their own: it stays. */
  | { action: 'leave'; reason: 'own-status-message' };

/**
 * Setting a status at a window's start. `message` is the text for this window (see
 * `statusMessageText`); `previous` is ours from an earlier window, which may be replaced.
 */
export function decideStart(
  window: StatusWindow,
  message: string,
  preferredPresence: PreferredPresence | null,
  observed: ObservedStatus,
  previous: StatusAssignment | undefined,
  now: Instant,
): StartDecision {
  const shown = normalise(observed.message);
  if (shown !== '' && shown !== normalise(previous?.message ?? null)) return { action: 'leave', reason: 'own-status-message' };
  const minutes = Math.max(1, Math.ceil((window.end - now) / MINUTE_MS));
  return { action: 'set', message, expiresAt: window.end, preferredPresence, presenceMinutes: preferredPresence ? minutes : null };
}

export interface EndDecision {
  /** Our message still shows: remove it. */
  clearMessage: boolean;
  /**
   * Remove Unplug's own presence session. It is always safe: the session is the app's, separate
   * from the person's own preferred presence (which shows over it and is never touched).
   */
  clearPresence: boolean;
}

/**
 * Clearing our status at the end of its window: the message only if it still shows as we set it
 * (a message the person changed in between is theirs now; one that expired on time needs
 * nothing), and our presence session whenever we set one.
 */
export function decideEnd(assignment: StatusAssignment, observed: ObservedStatus): EndDecision {
  return {
    clearMessage: normalise(observed.message) === normalise(assignment.message) && normalise(assignment.message) !== '',
    clearPresence: assignment.preferredPresence !== null,
  };
}

/** Teams may trim or re-wrap whitespace; compare the text, not the spacing. */
function normalise(message: string | null): string {
  return (message ?? '').replace(/\s+/g, ' ').trim();
}
