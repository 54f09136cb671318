/**
 * When the automatic status is on: during accepted disconnect blocks and, if quiet time is on,
 * its evening and weekend windows. Windows that touch or overlap are one stretch, so the status
 * says when the person is really back.
 */
import type { Instant, Interval } from '../types';
import type { QuietWindow } from '../suggestions/suggestion-types';

export type StatusWindowKind = 'block' | 'evening' | 'weekend';

export interface StatusWindow extends Interval {
  /** What the stretch starts with. */
  kind: StatusWindowKind;
}

/**
 * Blocks and quiet windows, merged where they touch or overlap, in order.
 * @example
 * statusWindows([{ start: t('16:00'), end: t('17:30') }], [{ start: t('17:30'), end: t('09:00+1'), kind: 'evening' }])
 * // [{ start: t('16:00'), end: t('09:00+1'), kind: 'block' }]
 */
export function statusWindows(blocks: readonly Interval[], quiet: readonly QuietWindow[]): StatusWindow[] {
  const all: StatusWindow[] = [
    ...blocks.filter((b) => b.end > b.start).map((b) => ({ start: b.start, end: b.end, kind: 'block' as const })),
    ...quiet.filter((q) => q.end > q.start).map((q) => ({ start: q.start, end: q.end, kind: q.kind })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: StatusWindow[] = [];
  for (const w of all) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/** The window `now` is in (`start <= now < end`), if any. */
export function windowAt(windows: readonly StatusWindow[], now: Instant): StatusWindow | undefined {
  return windows.find((w) => w.start <= now && now < w.end);
}
