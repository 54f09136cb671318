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
}

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
  | { step: 'end'; assignment: StatusAssignment };

/**
 * What is due for a person now, from their windows and the latest assignment — without looking
 * at Teams yet, so only people with something to do cost a Graph read.
 */
export function statusStep(windows: readonly StatusWindow[], latest: StatusAssignment | undefined, now: Instant): StatusStep {
  const window = windowAt(windows, now);
  if (window) {
    if (latest && latest.windowStart === window.start) return { step: 'idle' };
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
  /** The availability we asked for still shows: withdraw our preference. */
  clearPresence: boolean;
}

/**
 * Clearing our status at the end of its window: only what still shows as we set it. A message the
 * person changed in between is theirs now; one that expired on time needs nothing.
 */
export function decideEnd(assignment: StatusAssignment, observed: ObservedStatus): EndDecision {
  return {
    clearMessage: normalise(observed.message) === normalise(assignment.message) && normalise(assignment.message) !== '',
    clearPresence: assignment.preferredPresence !== null && observed.availability === preferredAvailability(assignment.preferredPresence),
  };
}

/** The availability a preferred presence shows as (Offline shows as Offline/OffWork). */
function preferredAvailability(preferred: PreferredPresence): Availability {
  return preferred;
}

/** Teams may trim or re-wrap whitespace; compare the text, not the spacing. */
function normalise(message: string | null): string {
  return (message ?? '').replace(/\s+/g, ' ').trim();
}
