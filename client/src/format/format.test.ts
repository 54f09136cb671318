import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateRange, formatDuration, formatHours, formatPercent, safeLocale } from './format';

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
