import { describe, expect, it } from 'vitest';
import type { BalanceResponse, BalanceTotals } from '../../api/types';
import { balanceSummary, protectedNote, sourcesNote } from './balance-summary';

const totals = (change: Partial<BalanceTotals> = {}): BalanceTotals => ({
  days: 7, workingDays: 5, workingMinutes: 2400, connectedMinutes: 1650, disconnectedMinutes: 750, afterHoursConnectedMinutes: 120,
  meetingMinutes: 1500, protectedMinutes: 0, honouredMinutes: 0, longestMeetingStreakMinutes: 180, targetMinutes: 450,
  targetDays: 5, targetDaysMet: 3, balanceRatio: 0.313, ...change,
});

const week = (t: BalanceTotals, presence = false): BalanceResponse => ({
  timeZone: 'Europe/Berlin', timeZoneProblem: null, range: { from: '2025-03-03', to: '2025-03-09' }, days: [], totals: t,
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

  it('uses the locale', () => {
    expect(balanceSummary(week(totals()), 'de-DE')).toContain('12,5 Std.');
  });
});

describe('notes', () => {
  it('says what the figures are based on', () => {
    expect(sourcesNote(week(totals()))).toMatch(/calendar only/);
    expect(sourcesNote(week(totals(), true))).toMatch(/calendar and your Teams presence/);
  });

  it('says how much protected time was kept, only when presence tells', () => {
    expect(protectedNote(week(totals()), 'en-US')).toBeUndefined();
    expect(protectedNote(week(totals({ protectedMinutes: 120, honouredMinutes: 90 }), true), 'en-US'))
      .toBe('2 hr protected with Unplug blocks; you really were offline for 1.5 hr of it.');
    expect(protectedNote(week(totals({ protectedMinutes: 120 })), 'en-US')).toBe('2 hr protected with Unplug blocks.');
  });
});
