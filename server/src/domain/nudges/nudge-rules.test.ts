import { describe, expect, it } from 'vitest';
import { at, zoneFor } from '../testing/fixtures';
import { isQuietAt, isWorkingAt, mayNudgeAt } from './nudge-rules';

const tokyo = zoneFor({ kind: 'iana', name: 'Asia/Tokyo' });
const t = (local: string) => at(tokyo, local);
const frame = {
  shifts: [{ start: t('2026-03-02 09:00'), end: t('2026-03-02 18:00') }],
  quiet: [{ start: t('2026-03-02 12:00'), end: t('2026-03-02 13:00') }, { start: t('2026-03-02 18:30'), end: t('2026-03-03 09:00') }],
};

describe('mayNudgeAt (half-open windows, any source of quiet time)', () => {
  it.each([
    ['before the shift', '2026-03-02 08:59', false, false, false],
    ['at the shift start', '2026-03-02 09:00', true, false, true],
    ['inside a block at noon', '2026-03-02 12:30', true, true, false],
    ['as the block ends', '2026-03-02 13:00', true, false, true],
    ['the last working minute', '2026-03-02 17:59', true, false, true],
    ['at the shift end', '2026-03-02 18:00', false, false, false],
    ['in the evening buffer', '2026-03-02 18:15', false, false, false],
    ['in quiet time', '2026-03-02 22:00', false, true, false],
  ])('%s', (_name, local, working, quiet, may) => {
    expect(isWorkingAt(frame, t(local))).toBe(working);
    expect(isQuietAt(frame, t(local))).toBe(quiet);
    expect(mayNudgeAt(frame, t(local))).toBe(may);
  });
});
