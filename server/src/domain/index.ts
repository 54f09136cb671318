/**
 * The functional core's public surface: pure functions of data, `now` passed in, no I/O, no clock,
 * no environment. Modules may also be imported directly; these are the names meant for the rest of
 * the server. Time is in epoch milliseconds (`Instant`), intervals are half-open, dates are
 * `YYYY-MM-DD` in the person's zone.
 */
export type * from './types';
export { DEFAULT_ORG_POLICY, DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME, MIN_GROUP_SIZE_FLOOR } from './defaults';

// Time
export {
  clipIntervals, contains, intersectIntervals, mergeIntervals, overlaps, subtractIntervals, totalMs, unionIntervals,
} from './time/interval';
export type { DateRange } from './time/local-date';
export {
  DAY_MS, HOUR_MS, MINUTE_MS, addDays, compareDates, datesInRange, dayOfWeek, formatTimeOfDay, fromEpochDay, isLocalDate, isLocalTime, timeOfDayMs, toEpochDay,
} from './time/local-date';
export type { LocalDateTime, Zone } from './time/zone';
export { UTC_ZONE, formatOffset, instantOf, localDateOf, startOfLocalDay, toLocalDateTime } from './time/zone';
export type { ResolvedTimeZone, TimeZoneProblemCode } from './time/resolve-time-zone';
export { resolveTimeZone, zoneOrUtc } from './time/resolve-time-zone';
export type { WorkingDay } from './time/working-hours';
export { workingDays, workingIntervals } from './time/working-hours';
export { nextWorkingDays, today, weekOf } from './time/week';

// Calendar, balance, suggestions, quiet time
export type { PreparedCalendar } from './calendar/read-calendar';
export { prepareCalendar } from './calendar/read-calendar';
export type { Balance, BalanceDay, BalanceSources, BalanceTotals, ZoneUsed } from './balance/balance-types';
export type { BalanceInput } from './balance/compute-balance';
export { computeBalance, totalBalance } from './balance/compute-balance';
export { presenceState } from './balance/read-presence';
export type { QuietTimeWarning, QuietWindow, Suggestion, SuggestionKind, SuggestionReason } from './suggestions/suggestion-types';
export type { SuggestInput, SuggestResult } from './suggestions/suggest';
export { suggest } from './suggestions/suggest';
export { quietTimeWarnings, quietWindows } from './suggestions/quiet-time';

// Team and settings
export type { TeamBalance, TeamFigure, TeamFigures, TeamMemberTotals } from './team/team-balance';
export { TEAM_FIGURES, TEAM_ROUNDING_MINUTES, aggregateTeamBalance } from './team/team-balance';
export type { FieldError, Validated } from './settings/validate-settings';
export { LIMITS, validateOrgPolicy, validatePreferences, validateQuietTime } from './settings/validate-settings';
