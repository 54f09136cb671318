import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomTimeZone } from '../types';
import { customZone, nthWeekdayOfMonth } from './custom-zone';
import { fromEpochDay } from './local-date';
import { IanaZone, formatOffset, instantOf, localClockOf } from './zone';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

/** Central European rules written the Windows way: UTC = local + bias (+ daylightBias). */
const centralEurope: CustomTimeZone = {
  bias: -60,
  standardOffset: { time: '03:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10, year: 0 },
  daylightOffset: { time: '02:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, year: 0, daylightBias: -60 },
};

/** US Pacific as Exchange sends it (bias 480). */
const usPacific: CustomTimeZone = {
  bias: 480,
  standardOffset: { time: '02:00', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11 },
  daylightOffset: { time: '02:00', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, daylightBias: -60 },
};

/** Graph's own example (mailboxsettings-customtz.json): UTC+3:20, +5:00 in daylight time from October to May. */
const graphExample: CustomTimeZone = {
  bias: -200,
  standardOffset: { time: '02:00:00.0000000', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5, year: 0 },
  daylightOffset: { daylightBias: -100, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, year: 0 },
};

function zoneOf(custom: CustomTimeZone) {
  const result = customZone(custom);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.zone;
}

describe('nthWeekdayOfMonth', () => {
  it.each([
    [2026, 3, 0, 2, '2026-03-08'], // second Sunday of March: US DST starts
    [2026, 11, 0, 1, '2026-11-01'],
    [2026, 3, 0, 5, '2026-03-29'], // last Sunday of March: EU DST starts
    [2026, 10, 0, 5, '2026-10-25'],
    [2026, 2, 6, 5, '2026-02-28'], // last Saturday of February
  ])('%i-%i weekday %i occurrence %i = %s', (year, month, dow, n, expected) => {
    expect(fromEpochDay(nthWeekdayOfMonth(year, month, dow, n))).toBe(expected);
  });
});

describe('custom time zones', () => {
  it('written like Europe/Berlin, behave like Europe/Berlin at every instant of 2024–2030', () => {
    const custom = zoneOf(centralEurope);
    const berlin = new IanaZone('Europe/Berlin');
    fc.assert(fc.property(fc.integer({ min: utc(2024, 1, 1), max: utc(2030, 12, 31) }), (t) => {
      expect(custom.offsetMsAt(t)).toBe(berlin.offsetMsAt(t));
    }), { numRuns: 500 });
    for (const t of [utc(2026, 3, 29, 0, 59), utc(2026, 3, 29, 1), utc(2026, 10, 25, 0, 59), utc(2026, 10, 25, 1)]) {
      expect(custom.offsetMsAt(t)).toBe(berlin.offsetMsAt(t));
    }
  });

  it('written like US Pacific (bias 480), switch on the 2026 US dates', () => {
    const zone = zoneOf(usPacific);
    expect(formatOffset(zone.offsetMsAt(utc(2026, 3, 8, 9, 59)))).toBe('-08:00');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 3, 8, 10)))).toBe('-07:00');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 11, 1, 8, 59)))).toBe('-07:00');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 11, 1, 9)))).toBe('-08:00');
    expect(instantOf('2026-03-08', '02:30', zone)).toBe(utc(2026, 3, 8, 10, 30));
  });

  it('with daylight time across the new year (Graph example)', () => {
    const zone = zoneOf(graphExample);
    expect(formatOffset(zone.offsetMsAt(utc(2026, 1, 15)))).toBe('+05:00');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 7, 15)))).toBe('+03:20');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 12, 15)))).toBe('+05:00');
    // Daylight time starts on the second Sunday of October 2026 (the 11th) at 02:00 local standard time.
    expect(formatOffset(zone.offsetMsAt(utc(2026, 10, 10, 22, 39)))).toBe('+03:20');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 10, 10, 22, 40)))).toBe('+05:00');
  });

  it('without daylight rules have a fixed offset', () => {
    const zone = zoneOf({ bias: -330 });
    expect(formatOffset(zone.offsetMsAt(utc(2026, 1, 1)))).toBe('+05:30');
    expect(formatOffset(zone.offsetMsAt(utc(2026, 7, 1)))).toBe('+05:30');
    const noMonth = zoneOf({ ...usPacific, daylightOffset: { ...usPacific.daylightOffset!, month: 0 } });
    expect(formatOffset(noMonth.offsetMsAt(utc(2026, 7, 1)))).toBe('-08:00');
  });

  it('report what is wrong instead of throwing', () => {
    const result = customZone({ bias: 5000, daylightOffset: { time: '25:00', dayOccurrence: 9, dayOfWeek: 'someday' as never, month: 13, daylightBias: -60 }, standardOffset: usPacific.standardOffset });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['bias', 'daylightOffset.dayOccurrence', 'daylightOffset.dayOfWeek', 'daylightOffset.month', 'daylightOffset.time']);
    const badDay = customZone({ ...usPacific, daylightOffset: { ...usPacific.daylightOffset!, dayOfWeek: 'someday' as never, time: '25:00' } });
    expect(badDay.ok).toBe(false);
    if (!badDay.ok) expect(badDay.problems.map((p) => p.field).sort()).toEqual(['daylightOffset.dayOfWeek', 'daylightOffset.time']);
  });
});

describe('localClockOf: what the tab shows for an instant (it has no zone rules of its own)', () => {
  it.each([
    ['IANA, winter', new IanaZone('Europe/Berlin'), utc(2025, 3, 3, 13, 30), { date: '2025-03-03', time: '14:30', offsetMinutes: 60 }],
    ['IANA, a date behind UTC', new IanaZone('America/Los_Angeles'), utc(2025, 3, 4, 5), { date: '2025-03-03', time: '21:00', offsetMinutes: -480 }],
    ['custom, before the spring switch', centralEurope, utc(2025, 3, 30, 0, 59), { date: '2025-03-30', time: '01:59', offsetMinutes: 60 }],
    ['custom, at the spring switch', centralEurope, utc(2025, 3, 30, 1), { date: '2025-03-30', time: '03:00', offsetMinutes: 120 }],
    ['custom, summer', centralEurope, utc(2025, 7, 1, 12), { date: '2025-07-01', time: '14:00', offsetMinutes: 120 }],
    ['custom, fixed +05:30', { bias: -330 } as CustomTimeZone, utc(2025, 3, 3, 13, 30), { date: '2025-03-03', time: '19:00', offsetMinutes: 330 }],
  ])('%s', (_name, zoneOrRules, instant, clock) => {
    const zone = zoneOrRules instanceof IanaZone ? zoneOrRules : (() => {
      const made = customZone(zoneOrRules as CustomTimeZone);
      if (!made.ok) throw new Error('custom zone refused');
      return made.zone;
    })();
    expect(localClockOf(instant, zone)).toEqual(clock);
  });
});
