import type { TrendResponse } from '@unplug/contract';
import { formatPercent } from '../../format/format';

/**
 * The trend in one sentence: the streak, and this week against the average of the weeks before.
 * @example trendSummary(trend, 'en-US') // 'Target met 3 weeks in a row. Disconnected 24% of working time so far this week, against 19% on average in the 7 weeks before.'
 */
export function trendSummary({ weeks, streakWeeks }: TrendResponse, locale: string): string {
  const streak = streakWeeks === 0
    ? 'No streak yet: a week counts when the target is met on every working day.'
    : `Target met ${streakWeeks} ${streakWeeks === 1 ? 'week' : 'weeks'} in a row.`;
  const current = weeks[weeks.length - 1];
  const earlier = weeks.slice(0, -1).filter((w) => w.workingMinutes > 0);
  if (!current || current.disconnectedShare === null || earlier.length === 0) return streak;
  const average = earlier.reduce((n, w) => n + w.disconnectedMinutes, 0) / earlier.reduce((n, w) => n + w.workingMinutes, 0);
  return `${streak} Disconnected ${formatPercent(current.disconnectedShare, locale)} of working time ${current.inProgress ? 'so far this week' : 'this week'}, `
    + `against ${formatPercent(average, locale)} on average in the ${earlier.length} ${earlier.length === 1 ? 'week' : 'weeks'} before.`;
}
