import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_PREFERENCES } from './nudge-types';
import { validateNudges } from './validate-nudges';

describe('validateNudges', () => {
  it('every nudge is off until the person turns it on', () => {
    expect(DEFAULT_NUDGE_PREFERENCES).toEqual({ startingSoon: false, longDay: false, weeklySummary: false });
  });

  it('applies a partial change over the current choices', () => {
    expect(validateNudges({ longDay: true }, { startingSoon: true, longDay: false, weeklySummary: false }))
      .toEqual({ ok: true, value: { startingSoon: true, longDay: true, weeklySummary: false } });
    expect(validateNudges({})).toEqual({ ok: true, value: DEFAULT_NUDGE_PREFERENCES });
  });

  it.each([
    [null, [{ field: 'nudges', message: 'must be an object' }]],
    [[true], [{ field: 'nudges', message: 'must be an object' }]],
    [{ longDay: 'yes' }, [{ field: 'longDay', message: 'must be true or false' }]],
    [{ weeklySummary: null, daily: true }, [{ field: 'weeklySummary', message: 'must be true or false' }, { field: 'daily', message: 'is not a setting' }]],
  ])('names every wrong field of %o', (input, errors) => {
    expect(validateNudges(input)).toEqual({ ok: false, errors });
  });
});
