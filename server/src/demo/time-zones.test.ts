import { describe, expect, it } from 'vitest';
import { CUSTOM_ZONE_RULE } from './seed-people';
import {
  addDays, customOffsetMinutes, formatGraphDateTime, instantToLocal, parseIsoInstant, parseLocalDateTime,
  resolveTimeZoneName, wallClockInstant, weekdayOf, zoneOffsetMinutes, type DemoZone,
} from './time-zones';

const utc = (iso: string) => Date.parse(iso);

describe('resolveTimeZoneName', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['India Standard Time', 'Asia/Calcutta'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Europe/Paris', 'Europe/Paris'],
    ['UTC', 'UTC'],
  ])('maps %s to the IANA zone %s', (name, iana) => {
    expect(resolveTimeZoneName(name)).toEqual({ kind: 'iana', name: iana });
  });

  it('does not know made-up names', () => {
    expect(resolveTimeZoneName('Atlantis Standard Time')).toBeUndefined();
    expect(resolveTimeZoneName('')).toBeUndefined();
  });
});

describe('offsets and wall clocks', () => {
  const pacific = resolveTimeZoneName('Pacific Standard Time')!;
  const lordHowe: DemoZone = { kind: 'iana', name: 'Australia/Lord_Howe' };

  it('follows US daylight saving (2025-03-09 02:00 PST → 03:00 PDT)', () => {
    expect(zoneOffsetMinutes(pacific, utc('2025-03-09T09:59:00Z'))).toBe(-480);
    expect(zoneOffsetMinutes(pacific, utc('2025-03-09T10:00:00Z'))).toBe(-420);
  });

  it('handles a half-hour shift (Lord Howe, 2025-04-06 02:00 → 01:30)', () => {
    expect(zoneOffsetMinutes(lordHowe, utc('2025-04-05T14:59:00Z'))).toBe(660);
    expect(zoneOffsetMinutes(lordHowe, utc('2025-04-05T15:00:00Z'))).toBe(630);
  });

  it('turns wall-clock times into instants and back', () => {
    const t = wallClockInstant(pacific, '2025-03-10', '08:30:00');
    expect(new Date(t).toISOString()).toBe('2025-03-10T15:30:00.000Z');
    expect(formatGraphDateTime(instantToLocal(pacific, t))).toBe('2025-03-10T08:30:00.0000000');
  });

  it('moves a time in the spring-forward gap forward, and takes the earlier of a repeated time', () => {
    expect(new Date(wallClockInstant(pacific, '2025-03-09', '02:30:00')).toISOString()).toBe('2025-03-09T10:30:00.000Z');
    expect(new Date(wallClockInstant(pacific, '2025-11-02', '01:30:00')).toISOString()).toBe('2025-11-02T08:30:00.000Z');
  });

  it('computes a custom zone from its rules (UTC+2, UTC+3 from the 2nd Sunday of March to the 1st Sunday of November)', () => {
    // Daylight time starts at 02:00 standard time on 2025-03-09 = 00:00 UTC.
    expect(customOffsetMinutes(CUSTOM_ZONE_RULE, utc('2025-03-08T23:59:00Z'))).toBe(120);
    expect(customOffsetMinutes(CUSTOM_ZONE_RULE, utc('2025-03-09T00:00:00Z'))).toBe(180);
    // It ends at 02:00 daylight time on 2025-11-02 = 2025-11-01T23:00 UTC.
    expect(customOffsetMinutes(CUSTOM_ZONE_RULE, utc('2025-11-01T22:59:00Z'))).toBe(180);
    expect(customOffsetMinutes(CUSTOM_ZONE_RULE, utc('2025-11-01T23:00:00Z'))).toBe(120);
    expect(customOffsetMinutes(CUSTOM_ZONE_RULE, utc('2025-07-01T12:00:00Z'))).toBe(180);
  });

  it('handles southern-hemisphere custom rules and "last" occurrences', () => {
    // Like Sydney: UTC+10, +11 from the 1st Sunday of October to the 1st Sunday of April.
    const rule = { bias: -600, standard: { month: 4, dayOccurrence: 1, dayOfWeek: 0, time: '03:00:00' }, daylight: { month: 10, dayOccurrence: 1, dayOfWeek: 0, time: '02:00:00', daylightBias: -60 } };
    const sydney = resolveTimeZoneName('AUS Eastern Standard Time')!;
    for (const iso of ['2025-01-15T00:00:00Z', '2025-04-05T15:59:00Z', '2025-04-05T16:00:00Z', '2025-07-01T00:00:00Z', '2025-10-04T15:59:00Z', '2025-10-04T16:00:00Z']) {
      expect(customOffsetMinutes(rule, utc(iso)), iso).toBe(zoneOffsetMinutes(sydney, utc(iso)));
    }
    // "Last Sunday of March" (occurrence 5) like central Europe.
    const last = { bias: -60, standard: { month: 10, dayOccurrence: 5, dayOfWeek: 0, time: '03:00:00' }, daylight: { month: 3, dayOccurrence: 5, dayOfWeek: 0, time: '02:00:00', daylightBias: -60 } };
    expect(customOffsetMinutes(last, utc('2025-03-30T00:59:00Z'))).toBe(60);
    expect(customOffsetMinutes(last, utc('2025-03-30T01:00:00Z'))).toBe(120);
  });
});

describe('parsing', () => {
  it('reads calendarView instants: an offset is honoured, none means UTC', () => {
    expect(parseIsoInstant('2025-03-05T09:00:00')).toBe(utc('2025-03-05T09:00:00Z'));
    expect(parseIsoInstant('2025-03-05T09:00:00.0000000Z')).toBe(utc('2025-03-05T09:00:00Z'));
    expect(parseIsoInstant('2025-03-05T09:00:00-08:00')).toBe(utc('2025-03-05T17:00:00Z'));
    expect(parseIsoInstant('2025-03-05T09:00:00+0530')).toBe(utc('2025-03-05T03:30:00Z'));
    expect(parseIsoInstant('2025-03-05')).toBe(utc('2025-03-05T00:00:00Z'));
    expect(parseIsoInstant('2025-02-30T00:00:00')).toBeUndefined();
    expect(parseIsoInstant('yesterday')).toBeUndefined();
  });

  it('reads Graph dateTimes with seven fractional digits', () => {
    expect(parseLocalDateTime('2017-04-15T12:00:00.0000000')).toEqual({ year: 2017, month: 4, day: 15, hour: 12, minute: 0, second: 0 });
    expect(parseLocalDateTime('2017-04-15T24:00:00')).toBeUndefined();
  });

  it('does civil date arithmetic without the machine zone', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(weekdayOf('2025-03-05')).toBe(3);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });
});
