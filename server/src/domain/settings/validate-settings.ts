/**
 * Checks and normalises the settings people and admins change: preferences, quiet time and org
 * policy. Input is a partial update (what a PATCH body holds) applied over the current values; the
 * result is the whole new value, or every problem with the field it belongs to, worded to be shown
 * beside that field.
 */
import type { BlockShowAs, OrgPolicy, PreferredPresence, Preferences, QuietTimePreferences, TimeOfDay } from '../types';
import { LIMITS } from '@unplug/contract/limits';
import { BLOCK_SHOW_AS as BLOCK_SHOW_AS_WORDS, PREFERRED_PRESENCES, TIMES_OF_DAY as TIMES_OF_DAY_WORDS } from '@unplug/contract/vocabulary';
import { DEFAULT_ORG_POLICY, DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME } from '../defaults';
import { formatTimeOfDay, isLocalTime, timeOfDayMs } from '../time/local-date';

export interface FieldError {
  /** Dotted path of the field, e.g. `maxBlockMinutes`, `lunch.end`, `defaults.bufferMinutes`. */
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export { LIMITS };

const TIMES_OF_DAY: readonly TimeOfDay[] = TIMES_OF_DAY_WORDS;
const BLOCK_SHOW_AS: readonly BlockShowAs[] = BLOCK_SHOW_AS_WORDS;
const PRESENCES: readonly PreferredPresence[] = PREFERRED_PRESENCES;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems while reading fields of one object. */
class Reader {
  readonly errors: FieldError[] = [];
  constructor(private readonly input: Record<string, unknown>, private readonly prefix: string, allowed: readonly string[]) {
    for (const key of Object.keys(input)) if (!allowed.includes(key)) this.fail(key, 'is not a setting');
  }

  fail(field: string, message: string): void {
    this.errors.push({ field: this.prefix + field, message });
  }

  has(field: string): boolean {
    return this.input[field] !== undefined;
  }

  integer(field: string, current: number, [min, max]: readonly [number, number]): number {
    const v = this.input[field];
    if (v === undefined) return current;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(field, `must be a whole number from ${min} to ${max}`);
      return current;
    }
    return v;
  }

  boolean(field: string, current: boolean): boolean {
    const v = this.input[field];
    if (v === undefined) return current;
    if (typeof v !== 'boolean') {
      this.fail(field, 'must be true or false');
      return current;
    }
    return v;
  }

  oneOf<T extends string>(field: string, current: T, options: readonly T[]): T {
    const v = this.input[field];
    if (v === undefined) return current;
    if (typeof v !== 'string' || !options.includes(v as T)) {
      this.fail(field, `must be one of: ${options.join(', ')}`);
      return current;
    }
    return v as T;
  }

  text(field: string, current: string, [min, max]: readonly [number, number]): string {
    const v = this.input[field];
    if (v === undefined) return current;
    if (typeof v !== 'string') {
      this.fail(field, 'must be text');
      return current;
    }
    const trimmed = v.trim();
    if (trimmed.length < min || trimmed.length > max) {
      this.fail(field, min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`);
      return current;
    }
    if (CONTROL_CHARACTERS.test(trimmed)) {
      this.fail(field, 'must not contain line breaks or control characters');
      return current;
    }
    return trimmed;
  }

  time(field: string, value: unknown): string | null {
    if (!isLocalTime(value)) {
      this.fail(field, 'must be a time as HH:mm, e.g. 12:30');
      return null;
    }
    return formatTimeOfDay(timeOfDayMs(value));
  }
}

function readLunch(r: Reader, input: Record<string, unknown>, current: Preferences['lunch']): Preferences['lunch'] {
  const v = input.lunch;
  if (v === undefined) return current;
  if (v === null) return null;
  if (!isRecord(v)) {
    r.fail('lunch', 'must be a start and end time, or none');
    return current;
  }
  for (const key of Object.keys(v)) if (key !== 'start' && key !== 'end') r.fail(`lunch.${key}`, 'is not a setting');
  const start = r.time('lunch.start', v.start);
  const end = r.time('lunch.end', v.end);
  if (start === null || end === null) return current;
  if (timeOfDayMs(end) <= timeOfDayMs(start)) {
    r.fail('lunch.end', 'must be after the lunch start');
    return current;
  }
  return { start, end };
}

/**
 * Apply a partial update to a person's preferences.
 * @example
 * validatePreferences({ minBlockMinutes: 60, maxBlockMinutes: 45 })
 * // { ok: false, errors: [{ field: 'maxBlockMinutes', message: 'must be at least the minimum block length (60)' }] }
 */
export function validatePreferences(input: unknown, current: Preferences = DEFAULT_PREFERENCES, prefix = ''): Validated<Preferences> {
  if (!isRecord(input)) return { ok: false, errors: [{ field: prefix.replace(/\.$/, '') || 'preferences', message: 'must be an object' }] };
  const r = new Reader(input, prefix, Object.keys(DEFAULT_PREFERENCES));
  const value: Preferences = {
    dailyDisconnectTargetMinutes: r.integer('dailyDisconnectTargetMinutes', current.dailyDisconnectTargetMinutes, LIMITS.dailyDisconnectTargetMinutes),
    minBlockMinutes: r.integer('minBlockMinutes', current.minBlockMinutes, LIMITS.minBlockMinutes),
    maxBlockMinutes: r.integer('maxBlockMinutes', current.maxBlockMinutes, LIMITS.maxBlockMinutes),
    preferredTimeOfDay: r.oneOf('preferredTimeOfDay', current.preferredTimeOfDay, TIMES_OF_DAY),
    bufferMinutes: r.integer('bufferMinutes', current.bufferMinutes, LIMITS.bufferMinutes),
    lunch: readLunch(r, input, current.lunch),
    blockSubject: r.text('blockSubject', current.blockSubject, LIMITS.blockSubjectLength),
    blockShowAs: r.oneOf('blockShowAs', current.blockShowAs, BLOCK_SHOW_AS),
  };
  if (value.maxBlockMinutes < value.minBlockMinutes && !r.errors.some((e) => e.field.endsWith('BlockMinutes'))) {
    // Blame the field the person just changed: only the minimum, or else the maximum.
    if (r.has('minBlockMinutes') && !r.has('maxBlockMinutes')) r.fail('minBlockMinutes', `must be at most the maximum block length (${value.maxBlockMinutes})`);
    else r.fail('maxBlockMinutes', `must be at least the minimum block length (${value.minBlockMinutes})`);
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, value };
}

/**
 * Apply a partial update to a person's quiet-time settings.
 * @example validateQuietTime({ eveningBufferMinutes: 500 }) // { ok: false, errors: [{ field: 'eveningBufferMinutes', message: 'must be a whole number from 0 to 240' }] }
 */
export function validateQuietTime(input: unknown, current: QuietTimePreferences = DEFAULT_QUIET_TIME, prefix = ''): Validated<QuietTimePreferences> {
  if (!isRecord(input)) return { ok: false, errors: [{ field: prefix.replace(/\.$/, '') || 'quietTime', message: 'must be an object' }] };
  const r = new Reader(input, prefix, Object.keys(DEFAULT_QUIET_TIME));
  const value: QuietTimePreferences = {
    enabled: r.boolean('enabled', current.enabled),
    eveningBufferMinutes: r.integer('eveningBufferMinutes', current.eveningBufferMinutes, LIMITS.eveningBufferMinutes),
    weekends: r.boolean('weekends', current.weekends),
    autoStatus: r.boolean('autoStatus', current.autoStatus),
    statusMessage: r.text('statusMessage', current.statusMessage, LIMITS.statusMessageLength),
    preferredPresence: input.preferredPresence === null || input.preferredPresence === undefined
      ? (input.preferredPresence === null ? null : current.preferredPresence)
      : r.oneOf<PreferredPresence>('preferredPresence', 'DoNotDisturb', PRESENCES),
  };
  if (value.autoStatus && value.statusMessage === '' && !r.errors.some((e) => e.field.endsWith('statusMessage'))) r.fail('statusMessage', 'must not be empty while the automatic status is on');
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, value };
}

/**
 * Apply a partial update to the organisation's policy (admin page).
 * @example validateOrgPolicy({ minGroupSize: 3 }) // { ok: false, errors: [{ field: 'minGroupSize', message: 'must be a whole number from 5 to 1000' }] }
 */
export function validateOrgPolicy(input: unknown, current: OrgPolicy = DEFAULT_ORG_POLICY): Validated<OrgPolicy> {
  if (!isRecord(input)) return { ok: false, errors: [{ field: 'policy', message: 'must be an object' }] };
  const r = new Reader(input, '', Object.keys(DEFAULT_ORG_POLICY));
  const errors: FieldError[] = [];
  let defaults = current.defaults;
  if (input.defaults !== undefined) {
    const v = validatePreferences(input.defaults, current.defaults, 'defaults.');
    if (v.ok) defaults = v.value;
    else errors.push(...v.errors);
  }
  let quietTimeDefaults = current.quietTimeDefaults;
  if (input.quietTimeDefaults !== undefined) {
    const v = validateQuietTime(input.quietTimeDefaults, current.quietTimeDefaults, 'quietTimeDefaults.');
    if (v.ok) quietTimeDefaults = v.value;
    else errors.push(...v.errors);
  }
  let features = current.features;
  if (input.features !== undefined) {
    if (!isRecord(input.features)) {
      r.fail('features', 'must be an object');
    } else {
      const f = new Reader(input.features, 'features.', Object.keys(DEFAULT_ORG_POLICY.features));
      features = {
        presenceTimeline: f.boolean('presenceTimeline', current.features.presenceTimeline),
        autoStatus: f.boolean('autoStatus', current.features.autoStatus),
        teamBalance: f.boolean('teamBalance', current.features.teamBalance),
      };
      errors.push(...f.errors);
    }
  }
  const value: OrgPolicy = {
    defaults,
    quietTimeDefaults,
    minGroupSize: r.integer('minGroupSize', current.minGroupSize, LIMITS.minGroupSize),
    presenceRetentionDays: r.integer('presenceRetentionDays', current.presenceRetentionDays, LIMITS.presenceRetentionDays),
    features,
  };
  errors.push(...r.errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
