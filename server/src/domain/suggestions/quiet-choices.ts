/**
 * Quiet time is a window, not a calendar block (issue 15): the person turns a window on — once,
 * or every such evening or weekend — and only windows that are on drive the automatic status, the
 * warnings about meetings inside quiet time and the balance's quiet-time figures.
 */
import type { Instant } from '../types';
import type { QuietWindow } from './suggestion-types';

/** A window the person turned on: one window, or every window of a kind from `start` on. */
export type QuietChoice =
  | { id: string; repeat: 'once'; kind: QuietWindow['kind']; start: Instant; end: Instant }
  | { id: string; repeat: 'every'; kind: QuietWindow['kind']; start: Instant; end: null };

/** A window that is on, and the choice that turned it on. */
export interface QuietWindowOn extends QuietWindow {
  choiceId: string;
}

/** The id of the recurring choice for a kind. */
export const everyId = (kind: QuietWindow['kind']): string => `every-${kind}`;

/**
 * The windows that are on: those of a kind chosen `every` that end after the choice was made, and
 * each window chosen `once` (as it was when turned on, even if working hours changed since), in
 * order, without duplicates.
 * @example
 * windowsTurnedOn([{ start: mon1730, end: tue0900, kind: 'evening' }, …], [{ id: 'every-evening', repeat: 'every', kind: 'evening', start: sunday, end: null }])
 * // every evening window from Sunday on
 */
export function windowsTurnedOn(windows: readonly QuietWindow[], choices: readonly QuietChoice[]): QuietWindowOn[] {
  const every = new Map<QuietWindow['kind'], QuietChoice>();
  for (const c of choices) if (c.repeat === 'every' && c.start < (every.get(c.kind)?.start ?? Infinity)) every.set(c.kind, c);
  const on: QuietWindowOn[] = [];
  for (const w of windows) {
    const choice = every.get(w.kind);
    if (choice && w.end > choice.start) on.push({ start: w.start, end: w.end, kind: w.kind, choiceId: choice.id });
  }
  for (const c of choices) {
    if (c.repeat !== 'once' || !(c.end > c.start)) continue;
    if (!on.some((w) => w.start === c.start && w.end === c.end)) on.push({ start: c.start, end: c.end, kind: c.kind, choiceId: c.id });
  }
  return on.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether a window is already on (the same interval is among `on`). */
export function isTurnedOn(window: Pick<QuietWindow, 'start' | 'end'>, on: readonly QuietWindow[]): boolean {
  return on.some((w) => w.start === window.start && w.end === window.end);
}
