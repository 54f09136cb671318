import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateRange, formatDuration, formatHours, formatPercent, safeLocale } from './format';
import { createZoneClock } from './zone-clock';

describe('locale formats', () => {
  it('reads the Teams locale, lower case and all', () => {
    expect(safeLocale('en-us')).toBe('en-US');
    expect(safeLocale('not a locale!')).toBe('en-US');
  });

  it.each([
    [450, 'en-US', '7.5 hr'],
    [480, 'en-US', '8 hr'],
    [0, 'en-US', '0 hr'],
    [450, 'de-DE', '7,5 Std.'],
  ])('formatHours(%d, %s) = %s', (minutes, locale, text) => {
    expect(formatHours(minutes, locale)).toBe(text);
  });

  it.each([
    [45, '45 min'],
    [60, '1 hr'],
    [90, '1 hr 30 min'],
  ])('formatDuration(%d) = %s', (minutes, text) => {
    expect(formatDuration(minutes, 'en-US')).toBe(text);
  });

  it('formats calendar dates without any zone shifting them', () => {
    expect(formatDate('2025-03-03', 'en-US', 'short')).toBe('Mon, Mar 3');
    expect(formatDate('2025-03-03', 'de-DE', 'short')).toBe('Mo., 3. März');
    expect(formatDateRange('2025-03-03', '2025-03-09', 'en-US').replace(/\s/g, ' ')).toBe('Mar 3 – 9, 2025');
    expect(formatPercent(0.42, 'en-US')).toBe('42%');
  });

  it('steps calendar dates across month ends and DST', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-03-03', -7)).toBe('2025-02-24');
    expect(addDays('2025-10-20', 7)).toBe('2025-10-27');
  });
});

describe('createZoneClock', () => {
  const instant = '2025-03-03T13:30:00Z';

  it('uses IANA zones through Intl', () => {
    const berlin = createZoneClock('Europe/Berlin');
    expect(berlin.kind).toBe('iana');
    expect(berlin.formatTime(instant, 'en-GB')).toBe('14:30');
    expect(berlin.offsetMinutesAt(Date.parse(instant))).toBe(60);
    expect(berlin.offsetMinutesAt(Date.parse('2025-07-01T12:00:00Z'))).toBe(120);
    expect(createZoneClock('America/Los_Angeles').localDateOf(Date.parse('2025-03-04T05:00:00Z'))).toBe('2025-03-03');
  });

  it('names the days of a span that crosses midnight', () => {
    const clock = createZoneClock('Europe/Berlin');
    expect(clock.formatTimeRange('2025-03-03T13:30:00Z', '2025-03-03T14:00:00Z', 'en-GB').replace(/\s/g, ' ')).toBe('14:30–15:00');
    expect(clock.formatTimeRange('2025-03-03T17:00:00Z', '2025-03-04T07:00:00Z', 'en-GB').replace(/\s/g, ' ')).toBe('Mon 18:00 – Tue 08:00');
    // Same UTC date, different local dates (Pacific evening to morning).
    expect(createZoneClock('America/Los_Angeles').formatTimeRange('2025-03-04T01:30:00Z', '2025-03-04T16:00:00Z', 'en-US').replace(/\s/g, ' '))
      .toBe('Mon 5:30 PM – Tue 8:00 AM');
  });

  it('computes custom zones from their Windows rules (Berlin-like)', () => {
    const rules = [-60, { time: '03:00:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10 }, { time: '02:00:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, daylightBias: -60 }];
    const clock = createZoneClock(`custom:${JSON.stringify(rules)}`);
    expect(clock.kind).toBe('custom');
    expect(clock.formatTime(instant, 'en-GB')).toBe('14:30');
    expect(clock.offsetMinutesAt(Date.parse('2025-07-01T12:00:00Z'))).toBe(120);
    // The switch: last Sunday of March 2025 is the 30th, 02:00 local standard = 01:00 UTC.
    expect(clock.offsetMinutesAt(Date.parse('2025-03-30T00:59:00Z'))).toBe(60);
    expect(clock.offsetMinutesAt(Date.parse('2025-03-30T01:00:00Z'))).toBe(120);
    expect(clock.describe('en-GB', Date.parse(instant))).toBe('UTC+01:00');
  });

  it('computes fixed-offset custom zones', () => {
    const clock = createZoneClock(`custom:${JSON.stringify([-330, null, null])}`);
    expect(clock.formatTime(instant, 'en-GB')).toBe('19:00');
  });

  it('falls back to UTC for a zone it cannot read, and says so', () => {
    const clock = createZoneClock('Mars/Olympus');
    expect(clock.kind).toBe('utc-fallback');
    expect(clock.formatTime(instant, 'en-GB')).toBe('13:30');
    expect(clock.describe('en-GB')).toBe('UTC+00:00');
  });
});
