import { describe, expect, it } from 'vitest';
import type { TimeZoneRef } from '../types';
import { at, makePerson, timed, zoneFor } from '../testing/fixtures';
import { computeBalance } from './compute-balance';
import { weeklyTrend } from './trend';

const berlinRef: TimeZoneRef = { kind: 'iana', name: 'Europe/Berlin' };
const berlin = zoneFor(berlinRef);
const person = makePerson(berlinRef);
const prefs = { dailyDisconnectTargetMinutes: 90, minBlockMinutes: 30 };
const range = { from: '2026-02-02', to: '2026-03-29' }; // eight weeks, Monday to Sunday

/** A day of meetings with only 20-minute gaps: the target cannot be met. */
const packedDay = (date: string) => [9, 11, 13, 15].map((h) => timed(berlin, `${date} ${String(h).padStart(2, '0')}:00`, `${date} ${String(h + 1).padStart(2, '0')}:40`));

describe('weeklyTrend', () => {
  it('groups eight weeks, counts only what happened, and finds the streak of weeks that met the target', () => {
    const events = [...packedDay('2026-02-11'), ...packedDay('2026-03-03'), timed(berlin, '2026-03-04 19:00', '2026-03-04 21:00')];
    const now = at(berlin, '2026-03-25 10:00'); // Wednesday of the last week
    const trend = weeklyTrend(computeBalance({ person, events, preferences: prefs, range, now }).days, range.from);
    expect(trend.weeks.map((w) => w.weekStart)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(trend.weeks.map((w) => w.metTarget)).toEqual([true, false, true, true, false, true, true, true]);
    expect(trend.weeks.map((w) => w.inProgress)).toEqual([false, false, false, false, false, false, false, true]);
    expect(trend.weeks[4]?.totals).toMatchObject({ afterHoursConnectedMinutes: 120, targetDays: 5, targetDaysMet: 4 });
    // This week so far: Monday, Tuesday and the elapsed hour of Wednesday (its target not met yet, so not counted).
    expect(trend.weeks[7]?.totals).toMatchObject({ days: 3, workingMinutes: 480 * 2 + 60, targetDays: 2, targetDaysMet: 2 });
    expect(trend.streakWeeks).toBe(3);
  });

  it('does not let the week in progress break the streak before it is over', () => {
    const events = packedDay('2026-03-23');
    const now = at(berlin, '2026-03-24 10:00');
    const trend = weeklyTrend(computeBalance({ person, events, preferences: prefs, range, now }).days, range.from);
    expect(trend.weeks[7]?.metTarget).toBe(false);
    expect(trend.streakWeeks).toBe(7);
    const over = weeklyTrend(computeBalance({ person, events, preferences: prefs, range, now: at(berlin, '2026-03-30 10:00') }).days, range.from);
    expect(over.streakWeeks).toBe(0);
  });
});
