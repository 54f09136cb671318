import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, datesInRange, fromEpochDay, isLocalDate, isLocalTime, timeOfDayMs, toEpochDay, weekdayIndex } from './local-date';

describe('local dates', () => {
  it.each([
    ['2026-03-08', true], ['2024-02-29', true], ['2026-02-29', false], ['2100-02-29', false], ['2000-02-29', true],
    ['2026-13-01', false], ['2026-00-10', false], ['2026-04-31', false], ['2026-3-08', false], ['2026-03-08T00:00', false], ['', false],
  ])('isLocalDate(%s) = %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('round-trips every day against Date.UTC, in any machine zone', () => {
    fc.assert(fc.property(fc.integer({ min: -30_000, max: 100_000 }), (day) => {
      const text = fromEpochDay(day);
      expect(text).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(toEpochDay(text)).toBe(day);
      expect(weekdayIndex(day)).toBe(new Date(day * 86_400_000).getUTCDay());
    }), { numRuns: 500 });
  });

  it('does date arithmetic', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(dayOfWeek('2026-03-08')).toBe('sunday');
    expect(datesInRange({ from: '2026-03-30', to: '2026-04-01' })).toEqual(['2026-03-30', '2026-03-31', '2026-04-01']);
    expect(datesInRange({ from: '2026-04-01', to: '2026-03-30' })).toEqual([]);
    expect(() => toEpochDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('local times', () => {
  it.each([
    ['09:30', 34_200_000], ['00:00', 0], ['23:59:59', 86_399_000], ['08:00:00.0000000', 28_800_000], ['18:30:00.5', 66_600_000],
  ])('timeOfDayMs(%s) = %i', (value, ms) => {
    expect(timeOfDayMs(value)).toBe(ms);
  });

  it.each(['24:00', '9:30', '09:60', '09:30:', '09:30:00.', '09:30:00.1234567890123', 'ab:cd', '09-30', ''])('rejects %s', (value) => {
    expect(isLocalTime(value)).toBe(false);
    expect(() => timeOfDayMs(value)).toThrow(RangeError);
  });
});
