import { describe, expect, it } from 'vitest';
import type { Preferences, QuietTime } from '@unplug/contract';
import { changedFields, checkPreferences, checkQuietTime, sentence } from './settings-rules';

const preferences: Preferences = {
  dailyDisconnectTargetMinutes: 90, minBlockMinutes: 30, maxBlockMinutes: 90, preferredTimeOfDay: 'any', bufferMinutes: 10,
  lunch: { start: '12:00', end: '13:00' }, blockSubject: 'Unplugged', blockShowAs: 'busy',
};
const quietTime: QuietTime = { enabled: true, eveningBufferMinutes: 30, weekends: true, autoStatus: false, statusMessage: 'Unplugged until {until}', preferredPresence: null };

describe('checkPreferences', () => {
  it('accepts the defaults', () => {
    expect(checkPreferences(preferences)).toEqual({});
  });

  it('names each field that is wrong, worded as the server does', () => {
    expect(checkPreferences({ ...preferences, bufferMinutes: 61, dailyDisconnectTargetMinutes: Number.NaN, blockSubject: ' ' })).toEqual({
      bufferMinutes: 'must be a whole number from 0 to 60',
      dailyDisconnectTargetMinutes: 'must be a whole number from 0 to 480',
      blockSubject: 'must be 1 to 255 characters',
    });
    expect(checkPreferences({ ...preferences, minBlockMinutes: 60, maxBlockMinutes: 45 })).toEqual({ maxBlockMinutes: 'must be at least the minimum block length (60)' });
    expect(checkPreferences({ ...preferences, lunch: { start: '13:00', end: '12:30' } })).toEqual({ 'lunch.end': 'must be after the lunch start' });
    expect(checkPreferences({ ...preferences, lunch: null })).toEqual({});
  });
});

describe('checkQuietTime', () => {
  it('checks the evening buffer and the status message', () => {
    expect(checkQuietTime(quietTime)).toEqual({});
    expect(checkQuietTime({ ...quietTime, eveningBufferMinutes: 300, statusMessage: 'x'.repeat(281) })).toEqual({
      eveningBufferMinutes: 'must be a whole number from 0 to 240',
      statusMessage: 'must be at most 280 characters',
    });
    // Empty is allowed while the automatic status is off, as the server allows it.
    expect(checkQuietTime({ ...quietTime, statusMessage: '' })).toEqual({});
    expect(checkQuietTime({ ...quietTime, autoStatus: true, statusMessage: ' ' })).toEqual({ statusMessage: 'must not be empty while the automatic status is on' });
  });
});

describe('changedFields', () => {
  it('sends only what changed, nested objects field by field, lunch whole', () => {
    expect(changedFields(preferences, { ...preferences, bufferMinutes: 15 })).toEqual({ bufferMinutes: 15 });
    expect(changedFields(preferences, { ...preferences, lunch: { start: '12:30', end: '13:00' } })).toEqual({ lunch: { start: '12:30', end: '13:00' } });
    expect(changedFields({ features: { a: true, b: false } }, { features: { a: true, b: true } })).toEqual({ features: { b: true } });
    expect(changedFields(preferences, { ...preferences })).toEqual({});
  });

  it('words a message as a sentence', () => {
    expect(sentence('must be after the lunch start')).toBe('Must be after the lunch start.');
  });
});
