import type { LocalClock } from '@unplug/contract';
import { describe, expect, it } from 'vitest';
import { createPlanClock, describeZone, formatOffset } from './plan-clock';

/** What the server sends beside an instant, for a fixed offset (the tab never computes one itself). */
const reading = (instant: string, offsetMinutes: number) => {
  const wall = new Date(Date.parse(instant) + offsetMinutes * 60_000).toISOString();
  const local: LocalClock = { date: wall.slice(0, 10), time: wall.slice(11, 16), offsetMinutes };
  return { instant, local };
};
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('createPlanClock', () => {
  it('shows the server\'s readings, whatever zone the name is', () => {
    // A custom zone from Outlook: its rules live on the server only.
    const clock = createPlanClock({ name: 'custom:[-60,…]', offsetMinutes: 60 }, [reading('2025-03-03T13:30:00Z', 60)]);
    expect(clock.formatTime('2025-03-03T13:30:00Z', 'en-GB')).toBe('14:30');
    expect(clock.formatDay('2025-03-03T13:30:00Z', 'en-US')).toBe('Mon, Mar 3');
    expect(clock.localDateOf(Date.parse('2025-03-03T23:30:00Z'))).toBe('2025-03-04');
  });

  it('takes each instant\'s own offset across a DST change (Berlin, 30 March 2025)', () => {
    const clock = createPlanClock({ name: 'Europe/Berlin', offsetMinutes: 60 }, [
      reading('2025-03-30T00:30:00Z', 60),
      reading('2025-03-30T01:30:00Z', 120),
    ]);
    expect(clock.formatTime('2025-03-30T00:30:00Z', 'en-GB')).toBe('1:30');
    expect(clock.formatTime('2025-03-30T01:30:00Z', 'en-GB')).toBe('3:30');
    // An adjusted block between readings: the offset of the reading before it.
    expect(clock.formatTime('2025-03-30T01:45:00Z', 'en-GB')).toBe('3:45');
    expect(clock.formatTime('2025-03-30T00:00:00Z', 'en-GB')).toBe('1:00');
  });

  it('names the days of a span that crosses midnight', () => {
    const clock = createPlanClock({ name: 'America/Los_Angeles', offsetMinutes: -480 }, [
      reading('2025-03-04T01:30:00Z', -480), reading('2025-03-04T16:00:00Z', -480),
      reading('2025-03-03T21:30:00Z', -480), reading('2025-03-03T22:00:00Z', -480),
    ]);
    expect(plain(clock.formatTimeRange('2025-03-04T01:30:00Z', '2025-03-04T16:00:00Z', 'en-US'))).toBe('Mon 5:30 PM – Tue 8:00 AM');
    expect(plain(clock.formatTimeRange('2025-03-03T21:30:00Z', '2025-03-03T22:00:00Z', 'en-US'))).toBe('1:30 – 2:00 PM');
  });

  it('uses the zone\'s offset now when it has no readings', () => {
    const clock = createPlanClock({ name: 'Asia/Kolkata', offsetMinutes: 330 }, []);
    expect(clock.formatTime('2025-03-03T13:30:00Z', 'en-GB')).toBe('19:00');
  });
});

describe('describeZone', () => {
  it('uses Intl\'s name for a zone it knows, and the server\'s offset for any other', () => {
    expect(describeZone('America/Los_Angeles', -480, 'en-US')).toBe('Pacific Time');
    expect(describeZone('custom:[-60,…]', 60, 'en-GB')).toBe('UTC+01:00');
    expect(formatOffset(-210)).toBe('UTC−03:30');
  });
});
