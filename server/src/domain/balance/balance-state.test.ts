import { describe, expect, it } from 'vitest';
import type { TimeZoneRef } from '../types';
import { at, makePerson, timed, zoneFor } from '../testing/fixtures';
import type { Balance, BalanceDay } from './balance-types';
import { computeBalance } from './compute-balance';

const berlinRef: TimeZoneRef = { kind: 'iana', name: 'Europe/Berlin' };
const laRef: TimeZoneRef = { kind: 'iana', name: 'America/Los_Angeles' };
const berlin = zoneFor(berlinRef);
const la = zoneFor(laRef);
const everyDay = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const prefs = { dailyDisconnectTargetMinutes: 90, minBlockMinutes: 30 };

function day(balance: Balance, date: string): BalanceDay {
  const d = balance.days.find((x) => x.date === date);
  if (!d) throw new Error(`no ${date}`);
  return d;
}

describe('balance day states — a Wednesday morning in Berlin', () => {
  const person = makePerson(berlinRef);
  const week = { from: '2026-03-09', to: '2026-03-15' };
  const events = [
    timed(berlin, '2026-03-09 09:00', '2026-03-09 12:00'),
    timed(berlin, '2026-03-11 09:00', '2026-03-11 09:30'),
    timed(berlin, '2026-03-12 09:00', '2026-03-12 10:00', { isUnplugBlock: true }), // booked for Thursday
    timed(berlin, '2026-03-12 10:00', '2026-03-12 16:00'),
  ];
  const b = computeBalance({ person, events, preferences: prefs, range: week, now: at(berlin, '2026-03-11 10:15') });

  it('marks past days measured, today in progress and the rest planned', () => {
    expect(b.days.map((d) => d.state)).toEqual(['measured', 'measured', 'in-progress', 'planned', 'planned', 'planned', 'planned']);
  });

  it('counts only the elapsed part of today', () => {
    expect(day(b, '2026-03-11')).toMatchObject({ workingMinutes: 75, connectedMinutes: 30, disconnectedMinutes: 45, targetMet: false });
  });

  it('shows planned days as a forecast of what the calendar holds', () => {
    expect(day(b, '2026-03-12')).toMatchObject({ state: 'planned', workingMinutes: 480, meetingMinutes: 360, protectedMinutes: 60, disconnectedMinutes: 120, targetMet: true });
  });

  it('leaves planned days out of the totals, and today out of the target days until met', () => {
    expect(b.totals).toMatchObject({
      days: 3, workingDays: 3, workingMinutes: 480 + 480 + 75, connectedMinutes: 180 + 30, disconnectedMinutes: 300 + 480 + 45,
      meetingMinutes: 210, protectedMinutes: 0, targetDays: 2, targetDaysMet: 2,
    });
  });

  it('counts today among the target days once its target is met', () => {
    const later = computeBalance({ person, events, preferences: prefs, range: week, now: at(berlin, '2026-03-11 11:00') });
    expect(day(later, '2026-03-11')).toMatchObject({ state: 'in-progress', disconnectedMinutes: 90, targetMet: true });
    expect(later.totals).toMatchObject({ targetDays: 3, targetDaysMet: 3 });
  });
});

describe('balance day states — Sunday night in Berlin', () => {
  const person = makePerson(berlinRef);
  const events = [
    timed(berlin, '2026-03-13 10:00', '2026-03-13 11:00'),
    timed(berlin, '2026-03-15 20:00', '2026-03-15 21:00'),
    timed(berlin, '2026-03-15 23:00', '2026-03-16 00:00'), // half of it has happened
  ];
  const b = computeBalance({ person, events, preferences: prefs, range: { from: '2026-03-09', to: '2026-03-15' }, now: at(berlin, '2026-03-15 23:30') });

  it('has measured the whole working week and is still in Sunday', () => {
    expect(b.days.map((d) => d.state)).toEqual(['measured', 'measured', 'measured', 'measured', 'measured', 'measured', 'in-progress']);
    expect(day(b, '2026-03-15')).toMatchObject({ workingMinutes: 0, afterHoursConnectedMinutes: 90, meetingMinutes: 90, targetMinutes: 0 });
    expect(b.totals).toMatchObject({ days: 7, workingDays: 5, workingMinutes: 2400, connectedMinutes: 60, afterHoursConnectedMinutes: 90, targetDays: 5, targetDaysMet: 5 });
  });

  it('counts everything once the week is over', () => {
    const monday = computeBalance({ person, events, preferences: prefs, range: { from: '2026-03-09', to: '2026-03-15' }, now: at(berlin, '2026-03-16 08:00') });
    expect(monday.days.every((d) => d.state === 'measured')).toBe(true);
    expect(monday.totals.afterHoursConnectedMinutes).toBe(120);
  });
});

describe('balance day states — DST weeks', () => {
  it('Berlin night shift: at 03:30 on the spring-forward Sunday, Saturday’s shift is in progress and Sunday planned', () => {
    const person = makePerson(berlinRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' });
    const b = computeBalance({ person, events: [], preferences: prefs, range: { from: '2026-03-23', to: '2026-03-29' }, now: at(berlin, '2026-03-29 03:30') });
    expect(b.days.map((d) => d.state)).toEqual(['measured', 'measured', 'measured', 'measured', 'measured', 'in-progress', 'planned']);
    // 22:00–02:00 CET, then 03:00–03:30 CEST: four and a half real hours.
    expect(day(b, '2026-03-28')).toMatchObject({ workingMinutes: 270, disconnectedMinutes: 270 });
    expect(day(b, '2026-03-29')).toMatchObject({ workingMinutes: 480 });
    expect(b.totals).toMatchObject({ days: 6, workingMinutes: 5 * 480 + 270, targetDays: 6, targetDaysMet: 6 });
  });

  it('Los Angeles: the spring-forward Sunday in progress counts real elapsed hours', () => {
    const person = makePerson(laRef);
    const events = [
      timed(la, '2026-03-08 01:00', '2026-03-08 04:00'), // 2 real hours: the clock skips 02:00–03:00
      timed(la, '2026-03-08 11:00', '2026-03-08 13:00'), // half of it before noon
    ];
    const b = computeBalance({ person, events, preferences: prefs, range: { from: '2026-03-02', to: '2026-03-08' }, now: at(la, '2026-03-08 12:00') });
    expect(day(b, '2026-03-08')).toMatchObject({ state: 'in-progress', afterHoursConnectedMinutes: 180, meetingMinutes: 180 });
    expect(day(b, '2026-03-06').state).toBe('measured');
  });
});

describe('disconnected time counts only long stretches', () => {
  const person = makePerson(berlinRef);
  const now = at(berlin, '2026-03-20 00:00');
  const range = { from: '2026-03-10', to: '2026-03-10' };

  it('drops free gaps shorter than the shortest block, and follows the person’s shortest block', () => {
    // Free: 09:00–09:20 (20), 10:00–10:45 (45), 11:00–11:25 (25), 12:00–17:00 (300).
    const events = [
      timed(berlin, '2026-03-10 09:20', '2026-03-10 10:00'),
      timed(berlin, '2026-03-10 10:45', '2026-03-10 11:00'),
      timed(berlin, '2026-03-10 11:25', '2026-03-10 12:00'),
    ];
    const b = computeBalance({ person, events, preferences: prefs, range, now });
    expect(day(b, '2026-03-10')).toMatchObject({ connectedMinutes: 90, disconnectedMinutes: 345, fragmentedMinutes: 45 });
    const longer = computeBalance({ person, events, preferences: { ...prefs, minBlockMinutes: 60 }, range, now });
    expect(day(longer, '2026-03-10')).toMatchObject({ disconnectedMinutes: 300, fragmentedMinutes: 90 });
  });

  it('misses the target on a day of back-to-back meetings with short gaps', () => {
    const events = [];
    for (let h = 9; h < 17; h += 1) events.push(timed(berlin, `2026-03-10 ${String(h).padStart(2, '0')}:00`, `2026-03-10 ${String(h).padStart(2, '0')}:40`));
    const b = computeBalance({ person, events, preferences: prefs, range, now });
    expect(day(b, '2026-03-10')).toMatchObject({ connectedMinutes: 320, disconnectedMinutes: 0, fragmentedMinutes: 160, targetMet: false });
  });

  it('breaks a stretch where presence shows the person online', () => {
    const presence = [{ start: at(berlin, '2026-03-10 13:00'), end: at(berlin, '2026-03-10 13:10'), availability: 'Available' as const, activity: 'Available' }];
    const events = [timed(berlin, '2026-03-10 09:00', '2026-03-10 12:40')];
    // Free 12:40–13:00 (20, too short), 13:10–17:00 (230).
    const b = computeBalance({ person, events, presence, preferences: prefs, range, now });
    expect(day(b, '2026-03-10')).toMatchObject({ connectedMinutes: 230, disconnectedMinutes: 230, fragmentedMinutes: 20 });
  });
});

describe('quiet windows that are on', () => {
  it('count the connected time inside them, and nothing without them', () => {
    const person = makePerson(berlinRef);
    const events = [timed(berlin, '2026-03-10 19:00', '2026-03-10 20:00'), timed(berlin, '2026-03-10 17:00', '2026-03-10 17:45')];
    const range = { from: '2026-03-10', to: '2026-03-10' };
    const now = at(berlin, '2026-03-12 00:00');
    const evening = { start: at(berlin, '2026-03-10 17:30'), end: at(berlin, '2026-03-11 09:00') };
    const on = computeBalance({ person, events, preferences: prefs, range, now, quietWindows: [evening] });
    expect(day(on, '2026-03-10')).toMatchObject({ afterHoursConnectedMinutes: 105, quietTimeConnectedMinutes: 60 + 15 });
    expect(on.totals.quietTimeConnectedMinutes).toBe(75);
    expect(day(computeBalance({ person, events, preferences: prefs, range, now }), '2026-03-10').quietTimeConnectedMinutes).toBe(0);
  });
});
