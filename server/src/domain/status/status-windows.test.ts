import { describe, expect, it } from 'vitest';
import { statusWindows, windowAt } from './status-windows';

const t = (hhmm: string, day = 2) => Date.parse(`2026-03-0${day}T${hhmm}:00Z`);

describe('statusWindows', () => {
  it('merges a block that runs into quiet time into one stretch named by its start', () => {
    expect(statusWindows([{ start: t('16:00'), end: t('17:30') }], [{ start: t('17:30'), end: t('09:00', 3), kind: 'evening' }]))
      .toEqual([{ start: t('16:00'), end: t('09:00', 3), kind: 'block' }]);
  });

  it('keeps separate windows apart and in order, dropping empty ones', () => {
    expect(statusWindows([{ start: t('14:00'), end: t('15:00') }, { start: t('10:00'), end: t('11:00') }, { start: t('12:00'), end: t('12:00') }], [{ start: t('17:30'), end: t('09:00', 3), kind: 'evening' }]))
      .toEqual([
        { start: t('10:00'), end: t('11:00'), kind: 'block' },
        { start: t('14:00'), end: t('15:00'), kind: 'block' },
        { start: t('17:30'), end: t('09:00', 3), kind: 'evening' },
      ]);
  });

  it('finds the window an instant is in, half-open', () => {
    const windows = statusWindows([{ start: t('10:00'), end: t('11:00') }], []);
    expect(windowAt(windows, t('10:00'))?.kind).toBe('block');
    expect(windowAt(windows, t('11:00'))).toBeUndefined();
    expect(windowAt(windows, t('09:59'))).toBeUndefined();
  });
});
