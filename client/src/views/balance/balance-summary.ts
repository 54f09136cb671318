import type { BalanceResponse, Suggestion } from '@unplug/contract';
import { formatDuration, formatHours, formatPercent } from '../../format/format';
import type { PlanClock } from '../../format/plan-clock';

/**
 * The balance in one sentence a person understands at a glance. While the week is still running
 * it says "so far": the totals count only what has happened.
 * @example balanceSummary(week, 'en-US')
 * // 'Disconnected 12.5 hr of 40 hr working time (31%); target met on 3 of 5 days; 2 hr connected after hours.'
 */
export function balanceSummary({ totals, days }: BalanceResponse, locale: string): string {
  const hours = (minutes: number) => formatHours(minutes, locale);
  const running = days.some((d) => d.state !== 'measured');
  if (days.length > 0 && days.every((d) => d.state === 'planned')) return 'These days have not begun yet: the table shows what your calendar holds so far.';
  if (totals.workingMinutes === 0) {
    return totals.afterHoursConnectedMinutes > 0
      ? `No working time ${running ? 'so far' : 'in these days'}, but ${hours(totals.afterHoursConnectedMinutes)} connected outside working hours.`
      : `No working time ${running ? 'so far' : 'in these days'}, and nothing connected outside working hours.`;
  }
  const parts = [`${running ? 'So far: disconnected' : 'Disconnected'} ${hours(totals.disconnectedMinutes)} of ${hours(totals.workingMinutes)} working time`
    + (totals.balanceRatio === null ? '' : ` (${formatPercent(totals.balanceRatio, locale)})`)];
  if (totals.targetDays > 0) parts.push(`target met on ${totals.targetDaysMet} of ${totals.targetDays} ${totals.targetDays === 1 ? 'day' : 'days'}`);
  const quiet = totals.quietTimeConnectedMinutes > 0 ? `, ${hours(totals.quietTimeConnectedMinutes)} of it in your quiet time` : '';
  parts.push(totals.afterHoursConnectedMinutes > 0 ? `${hours(totals.afterHoursConnectedMinutes)} connected after hours${quiet}` : 'nothing connected after hours');
  return `${parts.join('; ')}.`;
}

/** What the figures rest on, in plain words, including what counts as disconnected. */
export function sourcesNote({ sources, minStretchMinutes }: BalanceResponse): string {
  const stretch = `Disconnected counts only uninterrupted stretches of at least ${minStretchMinutes} minutes (your shortest block)`;
  return sources.presence
    ? `Based on your calendar and your Teams presence: meetings and time online count as connected. ${stretch} with no meeting and no time online.`
    : `Based on your calendar only: meetings count as connected. ${stretch} with no meeting.`;
}

/** Protected time and how much of it was kept, or undefined when nothing was protected. */
export function protectedNote({ totals, sources }: BalanceResponse, locale: string): string | undefined {
  if (totals.protectedMinutes === 0) return undefined;
  const protectedText = `${formatHours(totals.protectedMinutes, locale)} protected with Unplug blocks`;
  if (!sources.presence) return `${protectedText}.`;
  return `${protectedText}; you really were offline for ${formatHours(totals.honouredMinutes, locale)} of it.`;
}

export interface NextStep {
  /** e.g. "Book 1 hr Thu 9:00 AM". */
  text: string;
  /** The suggestion to accept, when there is one. */
  suggestionId: string | null;
}

/**
 * One concrete next step from the suggestions: the earliest disconnect block still to come (a
 * recovery block if there is no disconnect block).
 * @example nextStep(suggestions, clock, 'en-US', now) // { text: 'Book 1 hr Thu, Mar 12, 9:00 AM', suggestionId: 'sg-…' }
 */
export function nextStep(suggestions: readonly Suggestion[], clock: PlanClock, locale: string, now: number): NextStep {
  const upcoming = suggestions
    .filter((s) => (s.kind === 'disconnect-block' || s.kind === 'recovery') && Date.parse(s.start) > now)
    .sort((a, b) => Number(b.kind === 'disconnect-block') - Number(a.kind === 'disconnect-block') || Date.parse(a.start) - Date.parse(b.start));
  const first = upcoming[0];
  if (!first) return { text: 'No free stretch to book in the next working days: look for a meeting you can decline or shorten.', suggestionId: null };
  return {
    text: `Book ${formatDuration(first.durationMinutes, locale)} ${clock.formatDay(first.start, locale)}, ${clock.formatTime(first.start, locale)}`,
    suggestionId: first.id,
  };
}
