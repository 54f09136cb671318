import { findIana } from 'windows-iana';
import type { CustomTimeZone, DayOfWeek, LocalTime, TimeZoneRef, TimeZoneTransitionRule, WorkingHours } from '../domain/types';
import { asArray, asObject, describe, fail, oneOf, optionalInteger, optionalString, requiredString, type Json } from './json-reader';

const DAYS: readonly DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(\.\d{1,12})?$/;

export interface MailboxSettings {
  workingHours: WorkingHours;
  /** The mailbox's own zone (`mailboxSettings.timeZone`), when Graph gives one. */
  mailboxTimeZone?: string;
}

/**
 * Graph `mailboxSettings` as the domain's working hours. The zone is Graph's
 * `workingHours.timeZone`: a Windows name (usually), an IANA name, or a `customTimeZone` with
 * bias and transition rules; without one, the mailbox's zone stands in. Whether a name is a real
 * zone is for the domain to decide (it reports unknown zones instead of failing).
 */
export function mapMailboxSettings(raw: unknown, path: string): MailboxSettings {
  const settings = asObject(raw, path);
  const mailboxTimeZone = optionalString(settings, 'timeZone', path);
  if (settings['workingHours'] === undefined || settings['workingHours'] === null) fail(`${path}.workingHours`, 'missing');
  const workingHours = mapWorkingHours(settings['workingHours'], `${path}.workingHours`, mailboxTimeZone);
  return { workingHours, ...(mailboxTimeZone !== undefined ? { mailboxTimeZone } : {}) };
}

/**
 * The two mailbox settings Unplug reads, from their documented sub-resources
 * (`/me/mailboxSettings/workingHours` and `/me/mailboxSettings/timeZone`, whose string comes back
 * as `{ value }`): nothing else of the mailbox settings, such as automatic-reply text, is asked for.
 */
export function mapMailboxParts(workingHoursRaw: unknown, timeZoneRaw: unknown): MailboxSettings {
  const zone = asObject(timeZoneRaw, 'mailboxSettings/timeZone');
  const mailboxTimeZone = optionalString(zone, 'value', 'mailboxSettings/timeZone');
  const workingHours = mapWorkingHours(workingHoursRaw, 'mailboxSettings/workingHours', mailboxTimeZone);
  return { workingHours, ...(mailboxTimeZone !== undefined ? { mailboxTimeZone } : {}) };
}

export function mapWorkingHours(raw: unknown, path: string, fallbackZone?: string): WorkingHours {
  const hours = asObject(raw, path);
  const daysOfWeek = asArray(hours['daysOfWeek'], `${path}.daysOfWeek`).map((day, i) => {
    if (typeof day !== 'string') fail(`${path}.daysOfWeek[${i}]`, `expected a day name, got ${describe(day)}`);
    return oneOf(day, DAYS, `${path}.daysOfWeek[${i}]`);
  });
  const zone = hours['timeZone'];
  let timeZone: TimeZoneRef;
  if (zone !== undefined && zone !== null) {
    timeZone = mapTimeZone(zone, `${path}.timeZone`);
  } else if (fallbackZone !== undefined) {
    timeZone = namedZone(fallbackZone);
  } else {
    fail(`${path}.timeZone`, 'missing, and the mailbox has no time zone either');
  }
  return {
    daysOfWeek,
    startTime: localTime(hours, 'startTime', path),
    endTime: localTime(hours, 'endTime', path),
    timeZone,
  };
}

function mapTimeZone(raw: unknown, path: string): TimeZoneRef {
  const zone = asObject(raw, path);
  const isCustom = zone['@odata.type'] === '#microsoft.graph.customTimeZone' || zone['bias'] !== undefined;
  if (!isCustom) return namedZone(requiredString(zone, 'name', path));
  const bias = optionalInteger(zone, 'bias', path);
  if (bias === undefined) fail(`${path}.bias`, 'missing');
  const custom: CustomTimeZone = { bias };
  if (zone['standardOffset'] !== undefined && zone['standardOffset'] !== null) {
    custom.standardOffset = transitionRule(asObject(zone['standardOffset'], `${path}.standardOffset`), `${path}.standardOffset`);
  }
  if (zone['daylightOffset'] !== undefined && zone['daylightOffset'] !== null) {
    const daylight = asObject(zone['daylightOffset'], `${path}.daylightOffset`);
    const daylightBias = optionalInteger(daylight, 'daylightBias', `${path}.daylightOffset`);
    if (daylightBias === undefined) fail(`${path}.daylightOffset.daylightBias`, 'missing');
    custom.daylightOffset = { ...transitionRule(daylight, `${path}.daylightOffset`), daylightBias };
  }
  return { kind: 'custom', name: optionalString(zone, 'name', path) ?? 'Customized Time Zone', custom };
}

/** Graph writes Windows names in a field that may also hold an IANA name; CLDR tells them apart. */
function namedZone(name: string): TimeZoneRef {
  return isWindowsName(name) ? { kind: 'windows', name } : { kind: 'iana', name };
}

/**
 * Whether CLDR knows the name as a Windows zone. `findIana` scans its whole table (about 0.3 ms a
 * call), once per tab load; the few names a tenant's mailboxes use are remembered.
 */
const windowsNames = new Map<string, boolean>();
function isWindowsName(name: string): boolean {
  let known = windowsNames.get(name);
  if (known === undefined) {
    known = findIana(name).length > 0;
    if (windowsNames.size >= 1_000) windowsNames.clear();
    windowsNames.set(name, known);
  }
  return known;
}

function transitionRule(rule: Json, path: string): TimeZoneTransitionRule {
  const required = (key: string): number => {
    const value = optionalInteger(rule, key, path);
    if (value === undefined) fail(`${path}.${key}`, 'missing');
    return value;
  };
  const year = optionalInteger(rule, 'year', path);
  return {
    time: localTime(rule, 'time', path),
    dayOccurrence: required('dayOccurrence'),
    dayOfWeek: oneOf(requiredString(rule, 'dayOfWeek', path), DAYS, `${path}.dayOfWeek`),
    month: required('month'),
    // Graph writes year 0 for "every year".
    ...(year !== undefined && year !== 0 ? { year } : {}),
  };
}

/** `08:00:00.0000000` → `08:00:00`. */
function localTime(obj: Json, key: string, path: string): LocalTime {
  const value = requiredString(obj, key, path);
  if (!TIME.test(value)) fail(`${path}.${key}`, `expected a time such as 08:00:00.0000000, got ${JSON.stringify(value)}`);
  return value.split('.')[0] as string;
}
