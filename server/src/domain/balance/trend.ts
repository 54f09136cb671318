/**
 * The trend of a person's measured balance over recent weeks (issue 15): per Monday-to-Sunday
 * week, the disconnected share, after-hours hours, days the target was met and blocks honoured —
 * counting only what has happened — and the streak of weeks that met the target.
 */
import type { LocalDate } from '../types';
import { addDays } from '../time/local-date';
import type { BalanceDay, BalanceTotals } from './balance-types';
import { totalBalance } from './compute-balance';

export interface TrendWeek {
  /** The Monday. */
  weekStart: LocalDate;
  /** `true` while the week has days still to come (its figures are so far). */
  inProgress: boolean;
  totals: BalanceTotals;
  /** The target was met on every target day that has happened (and there was at least one). */
  metTarget: boolean;
}

export interface Trend {
  weeks: TrendWeek[];
  /**
   * Weeks in a row, newest first, that met the target. A week still in progress that has not met it
   * (yet) does not break the streak; one that has met it so far counts.
   */
  streakWeeks: number;
}

/**
 * Group balance days (a whole number of weeks from `firstMonday`) into weeks and find the streak.
 * @example weeklyTrend(balance.days, '2026-01-05') // { weeks: [{ weekStart: '2026-01-05', metTarget: true, … }, …], streakWeeks: 3 }
 */
export function weeklyTrend(days: readonly BalanceDay[], firstMonday: LocalDate): Trend {
  const weeks: TrendWeek[] = [];
  for (let monday = firstMonday; ; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const inWeek = days.filter((d) => d.date >= monday && d.date <= sunday);
    if (inWeek.length === 0) break;
    const totals = totalBalance(inWeek);
    weeks.push({
      weekStart: monday,
      inProgress: inWeek.some((d) => d.state !== 'measured'),
      totals,
      metTarget: totals.targetDays > 0 && totals.targetDaysMet === totals.targetDays,
    });
  }
  let streakWeeks = 0;
  for (let i = weeks.length - 1; i >= 0; i -= 1) {
    const week = weeks[i] as TrendWeek;
    if (week.metTarget) streakWeeks += 1;
    else if (!(week.inProgress && i === weeks.length - 1)) break;
  }
  return { weeks, streakWeeks };
}
