/**
 * The domain's vocabulary: what the functional core takes in. Graph JSON never reaches here; the
 * Graph gateway maps it to these types. Instants are epoch milliseconds (UTC); every interval is
 * half-open `[start, end)`.
 */

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

/** A half-open span of time `[start, end)`; touching intervals do not overlap. */
export interface Interval {
  start: Instant;
  end: Instant;
}

/** `YYYY-MM-DD`, a date on a wall calendar (no zone). */
export type LocalDate = string;

/** `HH:mm` or `HH:mm:ss`, a wall-clock time (no zone). */
export type LocalTime = string;

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** How an event shows the person's time (Graph's `showAs`). */
export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** The person's answer to an event (Graph's `responseStatus.response`). */
export type EventResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** A calendar event as the domain sees it: times and flags only, never a subject or body. */
export interface CalendarEvent {
  id: string;
  /** For timed events, the real instants. For all-day events, see `allDay`. */
  start: Instant;
  end: Instant;
  showAs: ShowAs;
  isCancelled: boolean;
  response: EventResponse;
  /** Set for all-day events: floating dates, resolved in the person's zone; `endDate` exclusive. */
  allDay?: { startDate: LocalDate; endDate: LocalDate };
  /** A disconnect block booked by Unplug (category "Unplug" or a known transaction id). */
  isUnplugBlock: boolean;
}

/**
 * A time zone as Graph describes working hours: an IANA name, a Windows name ("Pacific Standard
 * Time"), or a custom zone with explicit bias and daylight rules (no name to look up).
 */
export type TimeZoneRef =
  | { kind: 'iana'; name: string }
  | { kind: 'windows'; name: string }
  | { kind: 'custom'; name: string; custom: CustomTimeZone };

/** Graph's `customTimeZone`: offsets in minutes, *subtracted* from local time to get UTC (bias 60 = UTC−1). */
export interface CustomTimeZone {
  bias: number;
  standardOffset?: TimeZoneTransitionRule;
  daylightOffset?: TimeZoneTransitionRule & { daylightBias: number };
}

/** "The `dayOccurrence`-th `dayOfWeek` of `month` at `time`" (5 = last), as Graph writes it. */
export interface TimeZoneTransitionRule {
  time: LocalTime;
  dayOccurrence: number;
  dayOfWeek: DayOfWeek;
  /** 1–12; 0 means no transition. */
  month: number;
  year?: number;
}

export interface WorkingHours {
  daysOfWeek: DayOfWeek[];
  startTime: LocalTime;
  /** May be earlier than `startTime`: the working day then crosses midnight. */
  endTime: LocalTime;
  timeZone: TimeZoneRef;
}

/** Graph presence availability. */
export type Availability =
  | 'Available' | 'AvailableIdle' | 'Away' | 'BeRightBack' | 'Busy' | 'BusyIdle'
  | 'DoNotDisturb' | 'Offline' | 'PresenceUnknown';

/** One stretch of unchanged presence, from the presence timeline. */
export interface PresenceInterval extends Interval {
  availability: Availability;
  /** Graph activity, e.g. `InACall`, `InAMeeting`, `Presenting`, `Away`, `OffWork`. */
  activity: string;
}

export type TimeOfDay = 'morning' | 'afternoon' | 'any';
export type BlockShowAs = 'busy' | 'tentative' | 'oof' | 'workingElsewhere' | 'free';
export type PreferredPresence = 'DoNotDisturb' | 'Away' | 'BeRightBack' | 'Busy' | 'Offline';

/** A person's choices for disconnect blocks. */
export interface Preferences {
  dailyDisconnectTargetMinutes: number;
  minBlockMinutes: number;
  maxBlockMinutes: number;
  preferredTimeOfDay: TimeOfDay;
  /** Free time kept between a block and a meeting on either side. */
  bufferMinutes: number;
  /** A window kept free for lunch (never suggested over), or `null`. */
  lunch: { start: LocalTime; end: LocalTime } | null;
  /** Subject and `showAs` of the calendar events Unplug books. */
  blockSubject: string;
  blockShowAs: BlockShowAs;
}

/** After-hours quiet time and the automatic status. */
export interface QuietTimePreferences {
  enabled: boolean;
  /** Quiet time starts this long after the end of the working day. */
  eveningBufferMinutes: number;
  /** Weekends (non-working days) are quiet all day. */
  weekends: boolean;
  /** Set an expiring status message (and optionally a presence) during blocks and quiet time. */
  autoStatus: boolean;
  /** `{until}` is replaced by the end time, e.g. "Unplugged until {until} — urgent? call me". */
  statusMessage: string;
  preferredPresence: PreferredPresence | null;
}

/** Organisation-wide settings an admin controls. */
export interface OrgPolicy {
  defaults: Preferences;
  quietTimeDefaults: QuietTimePreferences;
  /** Team aggregates need at least this many opted-in members; never below 5. */
  minGroupSize: number;
  presenceRetentionDays: number;
  features: { presenceTimeline: boolean; autoStatus: boolean; teamBalance: boolean };
}

export interface Person {
  tenantId: string;
  userId: string;
  displayName: string;
  workingHours: WorkingHours;
}
