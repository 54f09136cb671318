import { describe, expect, it } from 'vitest';
import type { PresenceInterval, TimeZoneRef } from '../types';
import { allDay, at, makePerson, timed, zoneFor } from '../testing/fixtures';
import type { BalanceDay } from './balance-types';
import { computeBalance } from './compute-balance';

const berlinRef: TimeZoneRef = { kind: 'windows', name: 'W. Europe Standard Time' };
const laRef: TimeZoneRef = { kind: 'windows', name: 'Pacific Standard Time' };
const customRef: TimeZoneRef = {
  kind: 'custom',
  name: 'Customized Time Zone',
  custom: {
    bias: -200,
    standardOffset: { time: '02:00', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5 },
    daylightOffset: { time: '02:00', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, daylightBias: -100 },
  },
};
const berlin = zoneFor(berlinRef);
const la = zoneFor(laRef);
const custom = zoneFor(customRef);
const everyDay = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const prefs = { dailyDisconnectTargetMinutes: 90, minBlockMinutes: 30 };
/** Long after every case: all days measured. */
const now = Date.UTC(2027, 0, 1);

function day(balance: { days: BalanceDay[] }, date: string): BalanceDay {
  const d = balance.days.find((x) => x.date === date);
  if (!d) throw new Error(`no ${date}`);
  return d;
}

describe('computeBalance — what counts', () => {
  const person = makePerson(berlinRef);
  const events = [
    timed(berlin, '2026-03-10 09:00', '2026-03-10 10:00'), // busy
    timed(berlin, '2026-03-10 10:00', '2026-03-10 10:30', { showAs: 'tentative' }),
    timed(berlin, '2026-03-10 10:33', '2026-03-10 11:00'), // 3-minute gap joins the run
    timed(berlin, '2026-03-10 11:00', '2026-03-10 12:00', { response: 'declined' }),
    timed(berlin, '2026-03-10 12:00', '2026-03-10 13:00', { isCancelled: true }),
    timed(berlin, '2026-03-10 13:00', '2026-03-10 14:00', { showAs: 'free' }),
    timed(berlin, '2026-03-10 14:00', '2026-03-10 15:00', { isUnplugBlock: true }),
    timed(berlin, '2026-03-10 15:30', '2026-03-10 16:00', { showAs: 'oof' }),
    timed(berlin, '2026-03-10 18:00', '2026-03-10 19:30'), // after hours
    allDay(berlin, '2026-03-10', '2026-03-11', { showAs: 'busy' }), // a day marker, not meeting time
  ];
  const balance = computeBalance({ person, events, preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });

  it.each<[keyof BalanceDay, unknown]>([
    ['workingMinutes', 480],
    ['meetingMinutes', 60 + 30 + 27 + 90],
    ['connectedMinutes', 60 + 30 + 27],
    ['disconnectedMinutes', 480 - 117 - 3], // the 3 minutes between 10:30 and 10:33 are too short to count
    ['fragmentedMinutes', 3],
    ['state', 'measured'],
    ['afterHoursConnectedMinutes', 90],
    ['protectedMinutes', 60],
    ['honouredMinutes', 0],
    ['longestMeetingStreakMinutes', 120],
    ['targetMinutes', 90],
    ['targetMet', true],
    ['balanceRatio', 0.75],
    ['outOfOffice', false],
  ])('%s', (field, expected) => {
    expect(day(balance, '2026-03-10')[field]).toBe(expected);
  });

  it('says it used the calendar only', () => {
    expect(balance.sources).toEqual({ calendar: true, presence: false });
    expect(balance.timeZone).toEqual({ name: 'Europe/Berlin', problem: null });
  });

  it('counts blocks the store knows were booked as protected', () => {
    const withBlock = computeBalance({ person, events: [], blocks: [{ start: at(berlin, '2026-03-10 09:00'), end: at(berlin, '2026-03-10 09:45') }], preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });
    expect(day(withBlock, '2026-03-10').protectedMinutes).toBe(45);
  });
});

describe('computeBalance — zones, DST and shifts', () => {
  it.each([
    ['LA, spring forward Sunday, 09–17', makePerson(laRef, { daysOfWeek: [...everyDay] }), '2026-03-08', 480],
    ['LA, night shift into spring forward (22:00–06:00)', makePerson(laRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' }), '2026-03-07', 420],
    ['LA, night shift into fall back', makePerson(laRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' }), '2026-10-31', 540],
    ['Berlin, night shift into spring forward', makePerson(berlinRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' }), '2026-03-28', 420],
    ['Berlin, night shift into fall back', makePerson(berlinRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' }), '2026-10-24', 540],
    ['a custom zone (UTC+3:20 / +5:00)', makePerson(customRef), '2026-03-10', 480],
  ])('%s: working minutes', (_label, person, date, working) => {
    const b = computeBalance({ person, events: [], preferences: prefs, now, range: { from: date, to: date } });
    expect(day(b, date).workingMinutes).toBe(working);
    expect(day(b, date).disconnectedMinutes).toBe(working);
  });

  it('puts a night-shift meeting after midnight on the day the shift started', () => {
    const person = makePerson(berlinRef, { daysOfWeek: [...everyDay], startTime: '22:00', endTime: '06:00' });
    const events = [
      timed(berlin, '2026-03-10 23:00', '2026-03-11 01:00'),
      timed(berlin, '2026-03-11 07:00', '2026-03-11 08:00'), // after Tuesday's shift, before Wednesday's: Wednesday after hours
    ];
    const b = computeBalance({ person, events, preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-11' } });
    expect(day(b, '2026-03-10')).toMatchObject({ connectedMinutes: 120, meetingMinutes: 120, afterHoursConnectedMinutes: 0 });
    expect(day(b, '2026-03-11')).toMatchObject({ connectedMinutes: 0, meetingMinutes: 60, afterHoursConnectedMinutes: 60 });
  });

  it('clips events that start before or end after the range', () => {
    const person = makePerson(laRef);
    const events = [
      timed(la, '2026-03-08 22:00', '2026-03-09 10:00'), // Sunday night into Monday morning
      timed(la, '2026-03-13 16:00', '2026-03-14 02:00'), // Friday into Saturday
    ];
    const b = computeBalance({ person, events, preferences: prefs, now, range: { from: '2026-03-09', to: '2026-03-13' } });
    expect(day(b, '2026-03-09')).toMatchObject({ meetingMinutes: 600, connectedMinutes: 60, afterHoursConnectedMinutes: 540 });
    expect(day(b, '2026-03-13')).toMatchObject({ meetingMinutes: 480, connectedMinutes: 60, afterHoursConnectedMinutes: 420 });
    expect(b.totals.meetingMinutes).toBe(1080);
  });

  it('uses the person’s zone for what a day is, in any machine zone', () => {
    const person = makePerson(customRef);
    const b = computeBalance({ person, events: [timed(custom, '2026-03-10 09:00', '2026-03-10 10:00')], preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });
    expect(day(b, '2026-03-10').connectedMinutes).toBe(60);
  });

  it('falls back to UTC for an unknown zone, and says so', () => {
    const person = makePerson({ kind: 'windows', name: 'Atlantis Standard Time' });
    const b = computeBalance({ person, events: [], preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });
    expect(b.timeZone.name).toBe('UTC');
    expect(b.timeZone.problem?.code).toBe('unknown-time-zone');
    expect(day(b, '2026-03-10').workingMinutes).toBe(480);
  });
});

describe('computeBalance — out of office', () => {
  it('marks an all-day out-of-office day, with no target and no meeting time from it', () => {
    const person = makePerson(berlinRef);
    const b = computeBalance({ person, events: [allDay(berlin, '2026-03-11', '2026-03-12')], preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-12' } });
    expect(day(b, '2026-03-11')).toMatchObject({ outOfOffice: true, targetMinutes: 0, targetMet: true, meetingMinutes: 0 });
    expect(day(b, '2026-03-10').outOfOffice).toBe(false);
    expect(b.totals).toMatchObject({ targetDays: 2, targetDaysMet: 2, workingDays: 3 });
  });

  it('treats timed out-of-office covering the whole shift the same way', () => {
    const person = makePerson(berlinRef);
    const b = computeBalance({ person, events: [timed(berlin, '2026-03-11 08:00', '2026-03-11 18:00', { showAs: 'oof' })], preferences: prefs, now, range: { from: '2026-03-11', to: '2026-03-11' } });
    expect(day(b, '2026-03-11')).toMatchObject({ outOfOffice: true, connectedMinutes: 0 });
  });
});

describe('computeBalance — with a presence timeline', () => {
  const person = makePerson(berlinRef);
  const p = (start: string, end: string, availability: PresenceInterval['availability'], activity: string): PresenceInterval => ({ start: at(berlin, start), end: at(berlin, end), availability, activity });
  const events = [
    timed(berlin, '2026-03-10 09:00', '2026-03-10 10:00'),
    timed(berlin, '2026-03-10 13:00', '2026-03-10 15:00', { isUnplugBlock: true }),
  ];
  const presence = [
    p('2026-03-10 09:00', '2026-03-10 11:00', 'Busy', 'InAMeeting'),
    p('2026-03-10 11:00', '2026-03-10 12:00', 'Available', 'Available'),
    p('2026-03-10 12:00', '2026-03-10 13:00', 'Away', 'Away'),
    p('2026-03-10 13:00', '2026-03-10 13:30', 'Busy', 'Busy'), // the block itself makes Teams say Busy: neutral
    p('2026-03-10 13:30', '2026-03-10 14:30', 'DoNotDisturb', 'DoNotDisturb'), // honoured
    p('2026-03-10 14:30', '2026-03-10 14:45', 'DoNotDisturb', 'Presenting'), // a call breaks the block
    p('2026-03-10 14:45', '2026-03-10 15:00', 'Offline', 'OffWork'), // honoured
    p('2026-03-10 20:00', '2026-03-10 21:00', 'Available', 'Available'), // online after hours
  ];
  const b = computeBalance({ person, events, presence, preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });

  it('counts online presence as connected and measures honoured protected time', () => {
    expect(day(b, '2026-03-10')).toMatchObject({
      connectedMinutes: 120 + 60 + 15, // meeting+busy 09–11, available 11–12, presenting 14:30–14:45
      disconnectedMinutes: 480 - 195,
      afterHoursConnectedMinutes: 60,
      protectedMinutes: 120,
      honouredMinutes: 60 + 15,
      meetingMinutes: 60,
    });
    expect(b.sources).toEqual({ calendar: true, presence: true });
  });

  it('is calendar-only with an empty timeline', () => {
    const calendarOnly = computeBalance({ person, events, presence: [], preferences: prefs, now, range: { from: '2026-03-10', to: '2026-03-10' } });
    expect(calendarOnly.sources.presence).toBe(false);
    expect(day(calendarOnly, '2026-03-10')).toMatchObject({ connectedMinutes: 60, honouredMinutes: 0 });
  });
});

describe('computeBalance — totals', () => {
  it('sums the days and takes the longest streak', () => {
    const person = makePerson(berlinRef);
    const events = [
      timed(berlin, '2026-03-09 09:00', '2026-03-09 12:00'),
      timed(berlin, '2026-03-10 09:00', '2026-03-10 16:00'),
    ];
    const b = computeBalance({ person, events, preferences: prefs, now, range: { from: '2026-03-09', to: '2026-03-15' } });
    expect(b.totals).toMatchObject({
      days: 7, workingDays: 5, workingMinutes: 2400, connectedMinutes: 600, disconnectedMinutes: 1800,
      longestMeetingStreakMinutes: 420, targetMinutes: 450, targetDays: 5, targetDaysMet: 4, balanceRatio: 0.75, // Tuesday keeps only 60 of 90 minutes
    });
    expect(b.days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(day(b, '2026-03-14')).toMatchObject({ isWorkingDay: false, workingMinutes: 0, targetMinutes: 0, balanceRatio: null });
  });
});
