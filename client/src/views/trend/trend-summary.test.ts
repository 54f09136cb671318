import { describe, expect, it } from 'vitest';
import type { TrendResponse, TrendWeek } from '@unplug/contract';
import { trendSummary } from './trend-summary';

const week = (weekStart: string, disconnected: number, change: Partial<TrendWeek> = {}): TrendWeek => ({
  weekStart, inProgress: false, metTarget: true, workingMinutes: 2400, disconnectedMinutes: disconnected, disconnectedShare: Math.round((disconnected / 2400) * 1000) / 1000,
  afterHoursConnectedMinutes: 0, targetDays: 5, targetDaysMet: 5, protectedMinutes: 0, honouredMinutes: 0, ...change,
});
const trend = (weeks: TrendWeek[], streakWeeks: number): TrendResponse => ({ timeZone: 'Europe/Berlin', timeZoneProblem: null, presence: false, weeks, streakWeeks });

describe('trendSummary', () => {
  it('says the streak and compares this week with the weeks before', () => {
    expect(trendSummary(trend([week('2026-03-02', 480), week('2026-03-09', 480), week('2026-03-16', 600, { inProgress: true, workingMinutes: 2400 })], 3), 'en-US'))
      .toBe('Target met 3 weeks in a row. Disconnected 25% of working time so far this week, against 20% on average in the 2 weeks before.');
  });

  it('says when there is no streak, and a single week', () => {
    expect(trendSummary(trend([week('2026-03-16', 600)], 0), 'en-US')).toBe('No streak yet: a week counts when the target is met on every working day.');
    expect(trendSummary(trend([week('2026-03-09', 480), week('2026-03-16', 600)], 1), 'en-US')).toMatch(/^Target met 1 week in a row\. .* in the 1 week before\.$/);
  });
});
