import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY, DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME } from '../defaults';
import { validateOrgPolicy, validatePreferences, validateQuietTime } from './validate-settings';

describe('validatePreferences', () => {
  it('applies a valid partial update and normalises times and text', () => {
    expect(validatePreferences({ minBlockMinutes: 45, lunch: { start: '12:30:00', end: '13:15' }, blockSubject: '  Focus  ' })).toEqual({
      ok: true,
      value: { ...DEFAULT_PREFERENCES, minBlockMinutes: 45, lunch: { start: '12:30', end: '13:15' }, blockSubject: 'Focus' },
    });
    expect(validatePreferences({ lunch: null })).toEqual({ ok: true, value: { ...DEFAULT_PREFERENCES, lunch: null } });
  });

  it.each([
    [{ minBlockMinutes: 60, maxBlockMinutes: 45 }, [{ field: 'maxBlockMinutes', message: 'must be at least the minimum block length (60)' }]],
    [{ minBlockMinutes: 120 }, [{ field: 'minBlockMinutes', message: 'must be at most the maximum block length (90)' }]],
    [{ minBlockMinutes: 10 }, [{ field: 'minBlockMinutes', message: 'must be a whole number from 15 to 240' }]],
    [{ dailyDisconnectTargetMinutes: 30.5 }, [{ field: 'dailyDisconnectTargetMinutes', message: 'must be a whole number from 0 to 480' }]],
    [{ bufferMinutes: '10' }, [{ field: 'bufferMinutes', message: 'must be a whole number from 0 to 60' }]],
    [{ preferredTimeOfDay: 'night' }, [{ field: 'preferredTimeOfDay', message: 'must be one of: morning, afternoon, any' }]],
    [{ lunch: { start: '12:00', end: '11:00' } }, [{ field: 'lunch.end', message: 'must be after the lunch start' }]],
    [{ lunch: { start: '25:00', end: '1pm' } }, [{ field: 'lunch.start', message: 'must be a time as HH:mm, e.g. 12:30' }, { field: 'lunch.end', message: 'must be a time as HH:mm, e.g. 12:30' }]],
    [{ blockSubject: '   ' }, [{ field: 'blockSubject', message: 'must be 1 to 255 characters' }]],
    [{ blockSubject: 'a\nb' }, [{ field: 'blockSubject', message: 'must not contain line breaks or control characters' }]],
    [{ blockShowAs: 'away' }, [{ field: 'blockShowAs', message: 'must be one of: busy, tentative, oof, workingElsewhere, free' }]],
    [{ colour: 'blue' }, [{ field: 'colour', message: 'is not a setting' }]],
  ])('%o → %o', (input, errors) => {
    expect(validatePreferences(input)).toEqual({ ok: false, errors });
  });

  it('rejects what is not an object', () => {
    expect(validatePreferences([1])).toEqual({ ok: false, errors: [{ field: 'preferences', message: 'must be an object' }] });
  });
});

describe('validateQuietTime', () => {
  it('applies a valid update', () => {
    expect(validateQuietTime({ autoStatus: true, preferredPresence: 'Away', eveningBufferMinutes: 0 })).toEqual({ ok: true, value: { ...DEFAULT_QUIET_TIME, autoStatus: true, preferredPresence: 'Away', eveningBufferMinutes: 0 } });
    expect(validateQuietTime({ preferredPresence: null }, { ...DEFAULT_QUIET_TIME, preferredPresence: 'Away' })).toEqual({ ok: true, value: { ...DEFAULT_QUIET_TIME, preferredPresence: null } });
  });

  it.each([
    [{ eveningBufferMinutes: 500 }, [{ field: 'eveningBufferMinutes', message: 'must be a whole number from 0 to 240' }]],
    [{ enabled: 'yes' }, [{ field: 'enabled', message: 'must be true or false' }]],
    [{ preferredPresence: 'Available' }, [{ field: 'preferredPresence', message: 'must be one of: DoNotDisturb, Away, BeRightBack, Busy, Offline' }]],
    [{ autoStatus: true, statusMessage: '' }, [{ field: 'statusMessage', message: 'must not be empty while the automatic status is on' }]],
    [{ statusMessage: 'x'.repeat(281) }, [{ field: 'statusMessage', message: 'must be at most 280 characters' }]],
  ])('%o → %o', (input, errors) => {
    expect(validateQuietTime(input)).toEqual({ ok: false, errors });
  });
});

describe('validateOrgPolicy', () => {
  it('applies nested partial updates', () => {
    const result = validateOrgPolicy({ minGroupSize: 8, defaults: { bufferMinutes: 15 }, features: { autoStatus: false } });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_ORG_POLICY, minGroupSize: 8, defaults: { ...DEFAULT_PREFERENCES, bufferMinutes: 15 }, features: { ...DEFAULT_ORG_POLICY.features, autoStatus: false } } });
  });

  it('names nested fields in its errors', () => {
    expect(validateOrgPolicy({ minGroupSize: 4, presenceRetentionDays: 0, defaults: { minBlockMinutes: 5 }, quietTimeDefaults: { weekends: 1 }, features: { teamBalance: 'on', extra: true } })).toEqual({
      ok: false,
      errors: [
        { field: 'defaults.minBlockMinutes', message: 'must be a whole number from 15 to 240' },
        { field: 'quietTimeDefaults.weekends', message: 'must be true or false' },
        { field: 'features.extra', message: 'is not a setting' },
        { field: 'features.teamBalance', message: 'must be true or false' },
        { field: 'minGroupSize', message: 'must be a whole number from 5 to 1000' },
        { field: 'presenceRetentionDays', message: 'must be a whole number from 1 to 365' },
      ],
    });
    expect(validateOrgPolicy({ presenceRetentionDays: 366 })).toMatchObject({ ok: false });
    expect(validateOrgPolicy({ presenceRetentionDays: 365, minGroupSize: 5 })).toMatchObject({ ok: true });
  });
});
