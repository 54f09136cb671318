/**
 * What a presence timeline says about being connected.
 *
 * - In a call or presenting: connected, always.
 * - Available: connected.
 * - Busy without a call (Teams also shows this for a busy calendar event): connected, except
 *   inside protected time, where the block itself is what makes Teams say Busy — there it is
 *   neither connected nor evidence of being away.
 * - Away, Be right back, Do not disturb, Offline, and the idle states: not connected, and
 *   evidence that protected time was honoured.
 * - Unknown, or no sample at all: no evidence either way.
 */
import type { Interval, PresenceInterval } from '../types';
import { mergeIntervals, subtractIntervals, unionIntervals } from '../time/interval';

export type PresenceState = 'call' | 'online' | 'busy' | 'away' | 'unknown';

const CALL_ACTIVITIES = new Set(['InACall', 'InAConferenceCall', 'Presenting']);

/** How one presence sample counts. */
export function presenceState(p: Pick<PresenceInterval, 'availability' | 'activity'>): PresenceState {
  if (CALL_ACTIVITIES.has(p.activity)) return 'call';
  switch (p.availability) {
    case 'Available': return 'online';
    case 'Busy': return 'busy';
    case 'AvailableIdle':
    case 'BusyIdle':
    case 'Away':
    case 'BeRightBack':
    case 'DoNotDisturb':
    case 'Offline':
      return 'away';
    default:
      return 'unknown';
  }
}

export interface PresenceReading {
  /** Normalised: connected according to presence (see the module comment). */
  connected: Interval[];
  /** Normalised: evidence of being away from work. */
  away: Interval[];
}

/** Read a presence timeline, given the person's normalised protected time. */
export function readPresence(presence: readonly PresenceInterval[], protectedTime: readonly Interval[]): PresenceReading {
  const always: Interval[] = [];
  const busy: Interval[] = [];
  const away: Interval[] = [];
  for (const p of presence) {
    if (!(p.end > p.start)) continue;
    const state = presenceState(p);
    const interval = { start: p.start, end: p.end };
    if (state === 'call' || state === 'online') always.push(interval);
    else if (state === 'busy') busy.push(interval);
    else if (state === 'away') away.push(interval);
  }
  const connected = unionIntervals(mergeIntervals(always), subtractIntervals(mergeIntervals(busy), protectedTime));
  return { connected, away: subtractIntervals(mergeIntervals(away), connected) };
}
