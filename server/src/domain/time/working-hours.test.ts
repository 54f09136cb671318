import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../types';
import { HOUR_MS } from './local-date';
import { resolveTimeZone } from './resolve-time-zone';
import { workingDays, workingIntervals } from './working-hours';
import { nextWorkingDays, today, weekOf } from './week';
import type { Zone } from './zone';
import { UTC_ZONE } from './zone';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const everyDay = ['sunday', ...weekdays, 'saturday'] as const;

function zone(name: string, kind: 'iana' | 'windows' = 'iana'): Zone {
  const r = resolveTimeZone({ kind, name });
  if (!r.ok) throw new Error(r.error.message);
  return r.zone;
}
const la = zone('Pacific Standard Time', 'windows');
const berlin = zone('Europe/Berlin');

function hours(startTime: string, endTime: string, days: readonly string[] = weekdays): WorkingHours {
  return { daysOfWeek: [...days] as WorkingHours['daysOfWeek'], startTime, endTime, timeZone: { kind: 'windows', name: 'Pacific Standard Time' } };
}

describe('working hours → intervals', () => {
  it.each([
    ['LA 09–17 on the spring-forward Sunday is still 8 h, at PDT', la, hours('09:00', '17:00', everyDay), '2026-03-08', utc(2026, 3, 8, 16), utc(2026, 3, 9, 0)],
    ['LA 09–17 the Saturday before, at PST', la, hours('09:00', '17:00', everyDay), '2026-03-07', utc(2026, 3, 7, 17), utc(2026, 3, 8, 1)],
    ['LA night shift 22:00–06:00 across spring forward is 7 h', la, hours('22:00', '06:00', everyDay), '2026-03-07', utc(2026, 3, 8, 6), utc(2026, 3, 8, 13)],
    ['LA night shift across fall back is 9 h', la, hours('22:00', '06:00', everyDay), '2026-10-31', utc(2026, 11, 1, 5), utc(2026, 11, 1, 14)],
    ['Berlin night shift across fall back (Oct 25) is 9 h', berlin, hours('22:00', '06:00', everyDay), '2026-10-24', utc(2026, 10, 24, 20), utc(2026, 10, 25, 5)],
    ['Berlin night shift across spring forward (Mar 29) is 7 h', berlin, hours('22:00', '06:00', everyDay), '2026-03-28', utc(2026, 3, 28, 21), utc(2026, 3, 29, 4)],
    ['Berlin shift starting in the skipped hour starts at 03:30 CEST', berlin, hours('02:30', '10:00', everyDay), '2026-03-29', utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 8)],
    ['Berlin shift ending at midnight', berlin, hours('16:00', '00:00', everyDay), '2026-06-01', utc(2026, 6, 1, 14), utc(2026, 6, 1, 22)],
    ['equal start and end is a 24-hour shift', UTC_ZONE, hours('08:00', '08:00', everyDay), '2026-06-01', utc(2026, 6, 1, 8), utc(2026, 6, 2, 8)],
  ])('%s', (_label, z, wh, date, start, end) => {
    expect(workingIntervals(wh, z, { from: date, to: date })).toEqual([{ start, end }]);
  });

  it('skips days off and lists every date of the range', () => {
    const days = workingDays(hours('09:00', '17:00'), berlin, { from: '2026-03-27', to: '2026-03-30' });
    expect(days.map((d) => [d.date, d.shift ? (d.shift.end - d.shift.start) / HOUR_MS : null])).toEqual([
      ['2026-03-27', 8], ['2026-03-28', null], ['2026-03-29', null], ['2026-03-30', 8],
    ]);
    expect(days[3]?.shift?.start).toBe(utc(2026, 3, 30, 7));
    expect(days[0]?.shift?.start).toBe(utc(2026, 3, 27, 8));
  });

  it('accepts Graph times with fractions and capitalised day names', () => {
    const wh = { ...hours('08:30:00.0000000', '17:00:00.0000000'), daysOfWeek: ['Monday'] as unknown as WorkingHours['daysOfWeek'] };
    expect(workingIntervals(wh, UTC_ZONE, { from: '2026-03-02', to: '2026-03-08' })).toEqual([{ start: utc(2026, 3, 2, 8, 30), end: utc(2026, 3, 2, 17) }]);
  });
});

describe('weeks and next working days', () => {
  it.each([
    ['Saturday night in LA is still the week of Mar 2', utc(2026, 3, 8, 7), la, { from: '2026-03-02', to: '2026-03-08' }],
    ['Sunday afternoon in LA', utc(2026, 3, 8, 22), la, { from: '2026-03-02', to: '2026-03-08' }],
    ['Monday 00:30 in Berlin is already the new week', utc(2026, 3, 29, 22, 30), berlin, { from: '2026-03-30', to: '2026-04-05' }],
  ])('%s', (_label, now, z, expected) => {
    expect(weekOf(now, z)).toEqual(expected);
  });

  it('today is the local date', () => {
    expect(today(utc(2026, 1, 1, 23), berlin)).toBe('2026-01-02');
  });

  it('counts today until its shift ends, then skips the weekend', () => {
    const wh = hours('09:00', '17:00');
    expect(nextWorkingDays(utc(2026, 3, 6, 15), wh, berlin, 2)).toEqual(['2026-03-06', '2026-03-09']);
    expect(nextWorkingDays(utc(2026, 3, 6, 18), wh, berlin, 2)).toEqual(['2026-03-09', '2026-03-10']);
    expect(nextWorkingDays(utc(2026, 3, 6, 18), { ...wh, daysOfWeek: [] }, berlin, 2)).toEqual([]);
  });

  it('counts a night shift that began yesterday while it runs', () => {
    const wh = hours('22:00', '06:00', everyDay);
    expect(nextWorkingDays(utc(2026, 6, 2, 3), wh, UTC_ZONE, 2)).toEqual(['2026-06-01', '2026-06-02']);
  });
});
