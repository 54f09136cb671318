/** Checks a change to a person's nudge choices: a partial update of on/off switches. */
import type { FieldError, Validated } from '../settings/validate-settings';
import { DEFAULT_NUDGE_PREFERENCES, type NudgePreferences } from './nudge-types';

const FIELDS = Object.keys(DEFAULT_NUDGE_PREFERENCES) as (keyof NudgePreferences)[];

/**
 * @example validateNudges({ longDay: 'yes', daily: true }) // { ok: false, errors: [{ field: 'longDay', message: 'must be true or false' }, { field: 'daily', message: 'is not a setting' }] }
 */
export function validateNudges(input: unknown, current: NudgePreferences = DEFAULT_NUDGE_PREFERENCES): Validated<NudgePreferences> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: [{ field: 'nudges', message: 'must be an object' }] };
  const record = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const value = { ...current };
  for (const field of FIELDS) {
    const v = record[field];
    if (v === undefined) continue;
    if (typeof v === 'boolean') value[field] = v;
    else errors.push({ field, message: 'must be true or false' });
  }
  for (const key of Object.keys(record)) if (!(FIELDS as string[]).includes(key)) errors.push({ field: key, message: 'is not a setting' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
