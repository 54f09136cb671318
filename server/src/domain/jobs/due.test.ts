import { describe, expect, it } from 'vitest';
import { isDue } from './due';

const FIVE_MINUTES = 300_000;
const noon = Date.parse('2026-03-02T12:00:00Z');

describe('isDue', () => {
  it.each([
    ['never run: due now', undefined, true],
    ['due exactly now', noon, true],
    ['three hours overdue (the server was down): due once', noon - 3 * 3_600_000, true],
    ['not yet', noon + 1, false],
  ])('%s', (_name, nextDueAt, due) => {
    expect(isDue(nextDueAt, noon, FIVE_MINUTES)).toEqual({ due, nextDueAt: noon + FIVE_MINUTES });
  });

  it('sets the next run a whole period after now, not after the missed one', () => {
    const first = isDue(noon - 10 * FIVE_MINUTES, noon, FIVE_MINUTES);
    expect(isDue(first.nextDueAt, noon + 1000, FIVE_MINUTES).due).toBe(false);
    expect(() => isDue(undefined, noon, 0)).toThrow(RangeError);
  });
});
