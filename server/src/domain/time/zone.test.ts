import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './local-date';
import { IanaZone, formatOffset, instantOf, localDateOf, startOfLocalDay, toLocalDateTime } from './zone';

const la = new IanaZone('America/Los_Angeles');
const berlin = new IanaZone('Europe/Berlin');
const lordHowe = new IanaZone('Australia/Lord_Howe');
const kathmandu = new IanaZone('Asia/Kathmandu');
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('offsets around the 2026 DST changes', () => {
  it.each([
    ['LA before spring forward', la, utc(2026, 3, 8, 9, 59), '-08:00'],
    ['LA after spring forward (Mar 8, 10:00Z)', la, utc(2026, 3, 8, 10, 0), '-07:00'],
    ['LA before fall back', la, utc(2026, 11, 1, 8, 59), '-07:00'],
    ['LA after fall back (Nov 1, 09:00Z)', la, utc(2026, 11, 1, 9, 0), '-08:00'],
    ['Berlin before spring forward', berlin, utc(2026, 3, 29, 0, 59), '+01:00'],
    ['Berlin after spring forward (Mar 29, 01:00Z)', berlin, utc(2026, 3, 29, 1, 0), '+02:00'],
    ['Berlin before fall back', berlin, utc(2026, 10, 25, 0, 59), '+02:00'],
    ['Berlin after fall back (Oct 25, 01:00Z)', berlin, utc(2026, 10, 25, 1, 0), '+01:00'],
    ['Lord Howe in summer (+11:00)', lordHowe, utc(2026, 1, 15), '+11:00'],
    ['Lord Howe in winter (+10:30)', lordHowe, utc(2026, 7, 15), '+10:30'],
    ['Kathmandu (+05:45)', kathmandu, utc(2026, 7, 15), '+05:45'],
  ])('%s', (_label, zone, instant, expected) => {
    expect(formatOffset(zone.offsetMsAt(instant))).toBe(expected);
  });
});

describe('local date and time ↔ instant', () => {
  it.each([
    ['a plain LA morning', la, '2026-03-09', '09:00', utc(2026, 3, 9, 16)],
    ['LA 02:30 does not exist on Mar 8: moves forward to 03:30 PDT', la, '2026-03-08', '02:30', utc(2026, 3, 8, 10, 30)],
    ['LA 01:30 happens twice on Nov 1: the first one (PDT)', la, '2026-11-01', '01:30', utc(2026, 11, 1, 8, 30)],
    ['Berlin 02:30 does not exist on Mar 29: 03:30 CEST', berlin, '2026-03-29', '02:30', utc(2026, 3, 29, 1, 30)],
    ['Berlin 02:30 happens twice on Oct 25: the first one (CEST)', berlin, '2026-10-25', '02:30', utc(2026, 10, 25, 0, 30)],
    ['Berlin 09:00 on the day after fall back', berlin, '2026-10-26', '09:00', utc(2026, 10, 26, 8)],
  ])('%s', (_label, zone, date, time, expected) => {
    expect(instantOf(date, time, zone)).toBe(expected);
  });

  it('reads local dates in the zone, not the machine', () => {
    expect(localDateOf(utc(2026, 3, 8, 7), la)).toBe('2026-03-07');
    expect(localDateOf(utc(2026, 3, 8, 8), la)).toBe('2026-03-08');
    expect(toLocalDateTime(utc(2026, 3, 29, 1), berlin)).toEqual({ date: '2026-03-29', time: '03:00', msOfDay: 3 * HOUR_MS });
  });

  it('has a 23-hour and a 25-hour day', () => {
    expect(startOfLocalDay('2026-03-09', la) - startOfLocalDay('2026-03-08', la)).toBe(23 * HOUR_MS);
    expect(startOfLocalDay('2026-11-02', la) - startOfLocalDay('2026-11-01', la)).toBe(25 * HOUR_MS);
    expect(startOfLocalDay('2026-10-26', berlin) - startOfLocalDay('2026-10-25', berlin)).toBe(25 * HOUR_MS);
  });
});

/** The offset straight from Intl, with no caching: the reference the cached zone must match. */
function intlOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const text = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

describe('cached transitions agree with Intl', () => {
  const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Tehran', 'Africa/Casablanca', 'Pacific/Chatham', 'America/Sao_Paulo'];
  it('for any instant between 2000 and 2040', () => {
    const cache = new Map(zones.map((z) => [z, new IanaZone(z)]));
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: utc(2000, 1, 1), max: utc(2040, 1, 1) }), (name, instant) => {
      expect(cache.get(name)?.offsetMsAt(instant)).toBe(intlOffsetMinutes(name, instant) * MINUTE_MS);
    }), { numRuns: 400 });
  });

  it('and round-trip: the local time of instantOf(date, time) is that time, outside skipped hours', () => {
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: utc(2020, 1, 1), max: utc(2030, 1, 1) }), (name, instant) => {
      const zone = new IanaZone(name);
      const local = toLocalDateTime(instant, zone);
      const back = instantOf(local.date, local.time, zone);
      // Seconds are dropped by `time`; a repeated hour maps back to its first occurrence.
      const floored = instant - (instant % MINUTE_MS);
      expect([floored, floored - HOUR_MS, floored - HOUR_MS / 2]).toContain(back);
      expect(toLocalDateTime(back, zone).time).toBe(local.time);
    }), { numRuns: 200 });
  });
});
