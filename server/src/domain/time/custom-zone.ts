/**
 * Graph's `customTimeZone`: a zone with no name to look up, only a bias and the yearly rules for
 * switching to and from daylight saving time (Windows' TIME_ZONE_INFORMATION in JSON).
 *
 * Sign convention, as Exchange really sends it (US Pacific arrives as `bias: 480`, see
 * microsoftgraph/microsoft-graph-docs-contrib#562, whatever the reference page says):
 * `UTC = local + bias` in standard time and `UTC = local + bias + daylightBias` in daylight time.
 * The switch to daylight time happens at the rule's time in local *standard* time, the switch
 * back at the rule's time in local *daylight* time, as in Windows.
 */
import type { CustomTimeZone, Instant, TimeZoneTransitionRule } from '../types';
import { DAY_MS, MINUTE_MS, daysFromCivil, isLocalTime, timeOfDayMs, weekdayIndex, DAYS_OF_WEEK } from './local-date';
import type { Zone } from './zone';
import { FixedOffsetZone, yearOfEpochDay } from './zone';

/** Why a custom zone could not be used, in words for the person who has to fix it. */
export interface CustomZoneProblem {
  field: string;
  message: string;
}

function ruleProblems(rule: TimeZoneTransitionRule, field: string): CustomZoneProblem[] {
  const problems: CustomZoneProblem[] = [];
  if (!Number.isInteger(rule.month) || rule.month < 0 || rule.month > 12) problems.push({ field: `${field}.month`, message: 'must be 0 (no transition) to 12' });
  if (rule.month === 0) return problems;
  if (!Number.isInteger(rule.dayOccurrence) || rule.dayOccurrence < 1 || rule.dayOccurrence > 5) problems.push({ field: `${field}.dayOccurrence`, message: 'must be 1 to 5 (5 = last)' });
  if (!DAYS_OF_WEEK.includes(String(rule.dayOfWeek).toLowerCase() as never)) problems.push({ field: `${field}.dayOfWeek`, message: 'must be a day of the week' });
  if (!isLocalTime(rule.time)) problems.push({ field: `${field}.time`, message: 'must be a time such as 02:00:00' });
  return problems;
}

/** Everything wrong with a custom zone's values (empty when it can be used). */
export function customZoneProblems(custom: CustomTimeZone): CustomZoneProblem[] {
  const problems: CustomZoneProblem[] = [];
  if (!Number.isInteger(custom.bias) || Math.abs(custom.bias) > 18 * 60) problems.push({ field: 'bias', message: 'must be whole minutes within ±18 hours' });
  if (custom.standardOffset) problems.push(...ruleProblems(custom.standardOffset, 'standardOffset'));
  if (custom.daylightOffset) {
    problems.push(...ruleProblems(custom.daylightOffset, 'daylightOffset'));
    const daylightBias = custom.daylightOffset.daylightBias;
    if (!Number.isInteger(daylightBias) || Math.abs(daylightBias) > 12 * 60) problems.push({ field: 'daylightOffset.daylightBias', message: 'must be whole minutes within ±12 hours' });
  }
  return problems;
}

/** Epoch day of "the n-th `dayOfWeek` of `month`" in `year` (n = 5: the last). */
export function nthWeekdayOfMonth(year: number, month: number, dayOfWeek: number, occurrence: number): number {
  const first = daysFromCivil(year, month, 1);
  const nextMonthFirst = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  let day = first + ((dayOfWeek - weekdayIndex(first) + 7) % 7) + (occurrence - 1) * 7;
  while (day >= nextMonthFirst) day -= 7;
  return day;
}

interface YearTransitions {
  /** Instant daylight time starts, and the instant standard time returns. */
  daylightStart: Instant;
  standardStart: Instant;
}

/** A zone computed from Graph's `customTimeZone` rules (year-by-year, cached). */
export class RuleBasedZone implements Zone {
  private readonly standardMs: number;
  private readonly daylightMs: number;
  private readonly years = new Map<number, YearTransitions>();

  constructor(readonly name: string, private readonly custom: CustomTimeZone & { daylightOffset: NonNullable<CustomTimeZone['daylightOffset']>; standardOffset: TimeZoneTransitionRule }) {
    this.standardMs = -custom.bias * MINUTE_MS;
    this.daylightMs = -(custom.bias + custom.daylightOffset.daylightBias) * MINUTE_MS;
  }

  offsetMsAt(instant: Instant): number {
    const year = yearOfEpochDay(Math.floor((instant + this.standardMs) / DAY_MS));
    let t = this.years.get(year);
    if (!t) {
      t = this.transitions(year);
      this.years.set(year, t);
    }
    const inDaylight = t.daylightStart < t.standardStart
      ? instant >= t.daylightStart && instant < t.standardStart
      : instant >= t.daylightStart || instant < t.standardStart; // southern hemisphere: daylight spans new year
    return inDaylight ? this.daylightMs : this.standardMs;
  }

  private transitions(year: number): YearTransitions {
    const at = (rule: TimeZoneTransitionRule, offsetBeforeMs: number): Instant => {
      const dow = DAYS_OF_WEEK.indexOf(rule.dayOfWeek.toLowerCase() as never);
      const day = nthWeekdayOfMonth(year, rule.month, dow, rule.dayOccurrence);
      return day * DAY_MS + timeOfDayMs(rule.time) - offsetBeforeMs;
    };
    return {
      daylightStart: at(this.custom.daylightOffset, this.standardMs),
      standardStart: at(this.custom.standardOffset, this.daylightMs),
    };
  }
}

/**
 * A `Zone` from Graph's custom zone values, or the problems that stop it being one. A zone with no
 * usable daylight rule (missing, month 0, or a zero daylight bias) has a fixed offset.
 * @example
 * customZone({ bias: -60, standardOffset: { time: '03:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10 },
 *   daylightOffset: { time: '02:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, daylightBias: -60 } })
 * // { ok: true, zone } — behaves like Europe/Berlin
 */
export function customZone(custom: CustomTimeZone): { ok: true; zone: Zone } | { ok: false; problems: CustomZoneProblem[] } {
  const problems = customZoneProblems(custom);
  if (problems.length > 0) return { ok: false, problems };
  const { daylightOffset, standardOffset } = custom;
  const name = `custom:${JSON.stringify([custom.bias, standardOffset ?? null, daylightOffset ?? null])}`;
  if (!daylightOffset || !standardOffset || daylightOffset.month === 0 || standardOffset.month === 0 || daylightOffset.daylightBias === 0) {
    return { ok: true, zone: new FixedOffsetZone(name, -custom.bias * MINUTE_MS) };
  }
  return { ok: true, zone: new RuleBasedZone(name, { ...custom, daylightOffset, standardOffset }) };
}
