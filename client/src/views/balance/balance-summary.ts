import type { BalanceResponse } from '../../api/types';
import { formatHours, formatPercent } from '../../format/format';

/**
 * The balance in one sentence a person understands at a glance.
 * @example balanceSummary(week, 'en-US')
 * // 'Disconnected 12.5 hr of 40 hr working time (31%); target met on 3 of 5 days; 2 hr connected after hours.'
 */
export function balanceSummary({ totals }: BalanceResponse, locale: string): string {
  const hours = (minutes: number) => formatHours(minutes, locale);
  if (totals.workingMinutes === 0) {
    return totals.afterHoursConnectedMinutes > 0
      ? `No working time in these days, but ${hours(totals.afterHoursConnectedMinutes)} connected outside working hours.`
      : 'No working time in these days, and nothing connected outside working hours.';
  }
  const parts = [`Disconnected ${hours(totals.disconnectedMinutes)} of ${hours(totals.workingMinutes)} working time`
    + (totals.balanceRatio === null ? '' : ` (${formatPercent(totals.balanceRatio, locale)})`)];
  if (totals.targetDays > 0) parts.push(`target met on ${totals.targetDaysMet} of ${totals.targetDays} ${totals.targetDays === 1 ? 'day' : 'days'}`);
  parts.push(totals.afterHoursConnectedMinutes > 0 ? `${hours(totals.afterHoursConnectedMinutes)} connected after hours` : 'nothing connected after hours');
  return `${parts.join('; ')}.`;
}

/** What the figures rest on, in plain words. */
export function sourcesNote({ sources }: BalanceResponse): string {
  return sources.presence
    ? 'Based on your calendar and your Teams presence: meetings and time online count as connected.'
    : 'Based on your calendar only: meetings count as connected, and whether protected time was kept is not measured without Teams presence.';
}

/** Protected time and how much of it was kept, or undefined when nothing was protected. */
export function protectedNote({ totals, sources }: BalanceResponse, locale: string): string | undefined {
  if (totals.protectedMinutes === 0) return undefined;
  const protectedText = `${formatHours(totals.protectedMinutes, locale)} protected with Unplug blocks`;
  if (!sources.presence) return `${protectedText}.`;
  return `${protectedText}; you really were offline for ${formatHours(totals.honouredMinutes, locale)} of it.`;
}
