/**
 * The rules the server checks settings against (server/src/domain/settings/validate-settings.ts,
 * with the contract's limits), checked here first so mistakes show beside the field before saving.
 * The server stays the authority: its field problems are shown the same way.
 */
import type { OrgPolicy, Preferences, QuietTime } from '@unplug/contract';
import { LIMITS } from '@unplug/contract/limits';

export type FieldErrors = Record<string, string>;

export { LIMITS };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function wholeNumber(errors: FieldErrors, field: string, value: number, [min, max]: readonly [number, number]): void {
  if (!Number.isInteger(value) || value < min || value > max) errors[field] = `must be a whole number from ${min} to ${max}`;
}

function text(errors: FieldErrors, field: string, value: string, [min, max]: readonly [number, number]): void {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) errors[field] = min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
  else if (CONTROL_CHARACTERS.test(trimmed)) errors[field] = 'must not contain line breaks or control characters';
}

export function checkPreferences(p: Preferences): FieldErrors {
  const errors: FieldErrors = {};
  wholeNumber(errors, 'dailyDisconnectTargetMinutes', p.dailyDisconnectTargetMinutes, LIMITS.dailyDisconnectTargetMinutes);
  wholeNumber(errors, 'minBlockMinutes', p.minBlockMinutes, LIMITS.minBlockMinutes);
  wholeNumber(errors, 'maxBlockMinutes', p.maxBlockMinutes, LIMITS.maxBlockMinutes);
  wholeNumber(errors, 'bufferMinutes', p.bufferMinutes, LIMITS.bufferMinutes);
  if (!errors['minBlockMinutes'] && !errors['maxBlockMinutes'] && p.maxBlockMinutes < p.minBlockMinutes) {
    errors['maxBlockMinutes'] = `must be at least the minimum block length (${p.minBlockMinutes})`;
  }
  if (p.lunch) {
    if (!TIME.test(p.lunch.start)) errors['lunch.start'] = 'must be a time as HH:mm, e.g. 12:30';
    if (!TIME.test(p.lunch.end)) errors['lunch.end'] = 'must be a time as HH:mm, e.g. 12:30';
    else if (TIME.test(p.lunch.start) && p.lunch.end <= p.lunch.start) errors['lunch.end'] = 'must be after the lunch start';
  }
  text(errors, 'blockSubject', p.blockSubject, LIMITS.blockSubjectLength);
  return errors;
}

export function checkQuietTime(q: QuietTime): FieldErrors {
  const errors: FieldErrors = {};
  wholeNumber(errors, 'eveningBufferMinutes', q.eveningBufferMinutes, LIMITS.eveningBufferMinutes);
  text(errors, 'statusMessage', q.statusMessage, LIMITS.statusMessageLength);
  if (!errors['statusMessage'] && q.autoStatus && q.statusMessage.trim() === '') errors['statusMessage'] = 'must not be empty while the automatic status is on';
  return errors;
}

export function checkPolicy(policy: OrgPolicy): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(checkPreferences(policy.defaults))) errors[`defaults.${field}`] = message;
  for (const [field, message] of Object.entries(checkQuietTime(policy.quietTimeDefaults))) errors[`quietTimeDefaults.${field}`] = message;
  wholeNumber(errors, 'minGroupSize', policy.minGroupSize, LIMITS.minGroupSize);
  wholeNumber(errors, 'presenceRetentionDays', policy.presenceRetentionDays, LIMITS.presenceRetentionDays);
  return errors;
}

/** A field message as a sentence: "must be …" → "Must be …." */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The fields of `next` that differ from `saved`, for a partial PUT; nested objects (`defaults`,
 * `features`) are compared field by field, and `lunch` as a whole.
 * @example changedFields({ a: 1, b: 2 }, { a: 1, b: 3 }) // { b: 3 }
 */
export function changedFields<T extends object>(saved: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const before = saved[key];
    const after = next[key];
    if (isPlainObject(before) && isPlainObject(after) && key !== 'lunch') {
      const nested = changedFields(before, after);
      if (Object.keys(nested).length > 0) changes[key] = nested as T[keyof T];
    } else if (JSON.stringify(before) !== JSON.stringify(after)) {
      changes[key] = after;
    }
  }
  return changes;
}

const isPlainObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
