import { describe, expect, it } from 'vitest';
import type { BalanceResponse, BalanceTotals } from '@unplug/contract';
import type { BalanceDay, Suggestion } from '@unplug/contract';
import { createPlanClock } from '../../format/plan-clock';
import { balanceSummary, nextStep, protectedNote, sourcesNote } from './balance-summary';

const totals = (change: Partial<BalanceTotals> = {}): BalanceTotals => ({
  days: 7, workingDays: 5, workingMinutes: 2400, connectedMinutes: 1650, disconnectedMinutes: 750, afterHoursConnectedMinutes: 120,
  fragmentedMinutes: 0, quietTimeConnectedMinutes: 0, meetingMinutes: 1500, protectedMinutes: 0, honouredMinutes: 0, longestMeetingStreakMinutes: 180, targetMinutes: 450,
  targetDays: 5, targetDaysMet: 3, balanceRatio: 0.313, ...change,
});

const week = (t: BalanceTotals, presence = false): BalanceResponse => ({
  timeZone: 'Europe/Berlin', timeZoneProblem: null, timeZoneOffsetMinutes: 60, range: { from: '2025-03-03', to: '2025-03-09' }, minStretchMinutes: 30, days: [], totals: t,
  sources: { calendar: true, presence },
});

describe('balanceSummary', () => {
  it('says the week in one sentence', () => {
    expect(balanceSummary(week(totals()), 'en-US'))
      .toBe('Disconnected 12.5 hr of 40 hr working time (31%); target met on 3 of 5 days; 2 hr connected after hours.');
  });

  it('handles a week with no after-hours time, one target day, or no working time', () => {
    expect(balanceSummary(week(totals({ afterHoursConnectedMinutes: 0, targetDays: 1, targetDaysMet: 1 })), 'en-US'))
      .toBe('Disconnected 12.5 hr of 40 hr working time (31%); target met on 1 of 1 day; nothing connected after hours.');
    expect(balanceSummary(week(totals({ workingMinutes: 0, afterHoursConnectedMinutes: 0 })), 'en-US'))
      .toBe('No working time in these days, and nothing connected outside working hours.');
  });

  it('says how much of the after-hours time fell in quiet time that was on', () => {
    expect(balanceSummary(week(totals({ quietTimeConnectedMinutes: 90 })), 'en-US')).toMatch(/2 hr connected after hours, 1.5 hr of it in your quiet time\.$/);
  });

  it('uses the locale', () => {
    expect(balanceSummary(week(totals()), 'de-DE')).toContain('12,5 Std.');
  });
});

describe('notes', () => {
  it('says what the figures are based on', () => {
    expect(sourcesNote(week(totals()))).toMatch(/calendar only/);
    expect(sourcesNote(week(totals(), true))).toMatch(/calendar and your Teams presence/);
    expect(sourcesNote(week(totals()))).toContain('only uninterrupted stretches of at least 30 minutes (your shortest block) with no meeting.');
    expect(sourcesNote(week(totals(), true))).toContain('with no meeting and no time online');
  });

  it('says how much protected time was kept, only when presence tells', () => {
    expect(protectedNote(week(totals()), 'en-US')).toBeUndefined();
    expect(protectedNote(week(totals({ protectedMinutes: 120, honouredMinutes: 90 }), true), 'en-US'))
      .toBe('2 hr protected with Unplug blocks; you really were offline for 1.5 hr of it.');
    expect(protectedNote(week(totals({ protectedMinutes: 120 })), 'en-US')).toBe('2 hr protected with Unplug blocks.');
  });
});

describe('a week still running', () => {
  const dayIn = (date: string, state: BalanceDay['state']): BalanceDay => ({
    ...totals(), date, state, dayOfWeek: 'monday', isWorkingDay: true, outOfOffice: false, targetMet: true,
  });

  it('says "so far" while days are in progress or planned, and says when nothing has begun', () => {
    const running = { ...week(totals()), days: [dayIn('2025-03-03', 'measured'), dayIn('2025-03-04', 'in-progress'), dayIn('2025-03-05', 'planned')] };
    expect(balanceSummary(running, 'en-US')).toMatch(/^So far: disconnected 12.5 hr of 40 hr working time/);
    const ahead = { ...week(totals()), days: [dayIn('2025-03-05', 'planned')] };
    expect(balanceSummary(ahead, 'en-US')).toMatch(/have not begun yet/);
  });
});

describe('nextStep', () => {
  // Berlin in March: UTC+1, as the server reports it beside each instant.
  const berlin = (instant: string) => {
    const local = new Date(Date.parse(instant) + 60 * 60_000).toISOString();
    return { date: local.slice(0, 10), time: local.slice(11, 16), offsetMinutes: 60 };
  };
  // The zone's fallback offset is wrong on purpose: times must come from the readings.
  const clockOf = (list: Suggestion[]) => createPlanClock({ name: 'Europe/Berlin', offsetMinutes: 0 },
    list.flatMap((s) => [{ instant: s.start, local: s.startLocal }, { instant: s.end, local: s.endLocal }]));
  const suggestion = (id: string, kind: string, start: string, minutes: number): Suggestion => {
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    const span = { start, end, startLocal: berlin(start), endLocal: berlin(end) };
    return { id, kind, date: start.slice(0, 10), ...span, durationMinutes: minutes, reason: '', explanation: '', gap: { ...span, end: start, endLocal: berlin(start) } };
  };
  const now = Date.parse('2025-03-11T07:00:00Z'); // Tuesday 08:00 in Berlin

  it('names the earliest disconnect block still to come', () => {
    const list = [
      suggestion('past', 'disconnect-block', '2025-03-10T08:00:00Z', 60),
      suggestion('later', 'disconnect-block', '2025-03-14T09:00:00Z', 45),
      suggestion('thu', 'disconnect-block', '2025-03-13T08:00:00Z', 60),
      suggestion('quiet', 'quiet-time', '2025-03-11T17:30:00Z', 900),
    ];
    expect(nextStep(list, clockOf(list), 'en-US', now)).toEqual({ text: 'Book 1 hr Thu, Mar 13, 9:00 AM', suggestionId: 'thu' });
  });

  it('falls back to a recovery block, then to advice', () => {
    const recovery = [suggestion('r', 'recovery', '2025-03-12T13:00:00Z', 30)];
    expect(nextStep(recovery, clockOf(recovery), 'en-US', now).suggestionId).toBe('r');
    expect(nextStep([], clockOf([]), 'en-US', now)).toMatchObject({ suggestionId: null, text: expect.stringMatching(/No free stretch/) });
  });
});
