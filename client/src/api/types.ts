/**
 * The shapes the server's `/api` answers with (server/src/routes/**; OpenAPI at /docs/json).
 * Instants are UTC ISO strings; local dates are `YYYY-MM-DD` in the person's zone.
 */

export interface TimeZoneProblem {
  code: string;
  message: string;
}

export interface BalanceFigures {
  workingMinutes: number;
  connectedMinutes: number;
  /** Only uninterrupted stretches of at least the shortest block with no meeting and no online time. */
  disconnectedMinutes: number;
  /** Free working time in stretches too short to count as disconnected. */
  fragmentedMinutes: number;
  afterHoursConnectedMinutes: number;
  /** Meeting or online time inside quiet windows the person turned on. */
  quietTimeConnectedMinutes: number;
  meetingMinutes: number;
  protectedMinutes: number;
  honouredMinutes: number;
  longestMeetingStreakMinutes: number;
  targetMinutes: number;
  balanceRatio: number | null;
}

/** measured: over; in-progress: today, figures of its elapsed part; planned: to come, a forecast never in the totals. */
export type BalanceDayState = 'measured' | 'in-progress' | 'planned';

export interface BalanceDay extends BalanceFigures {
  date: string;
  state: BalanceDayState;
  dayOfWeek: string;
  isWorkingDay: boolean;
  outOfOffice: boolean;
  targetMet: boolean;
}

export interface BalanceTotals extends BalanceFigures {
  days: number;
  workingDays: number;
  targetDays: number;
  targetDaysMet: number;
}

export interface BalanceResponse {
  timeZone: string;
  timeZoneProblem: TimeZoneProblem | null;
  range: { from: string; to: string };
  /** Only uninterrupted stretches at least this long (the person's shortest block) count as disconnected. */
  minStretchMinutes: number;
  days: BalanceDay[];
  totals: BalanceTotals;
  sources: { calendar: boolean; presence: boolean };
}

export type SuggestionKind = 'disconnect-block' | 'recovery' | 'quiet-time' | (string & {});

export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  date: string;
  start: string;
  end: string;
  durationMinutes: number;
  reason: string;
  explanation: string;
  /** The free time the block may be moved or resized within. */
  gap: { start: string; end: string };
}

export interface BookedBlock {
  id: string;
  kind: SuggestionKind;
  start: string;
  end: string;
  eventId: string;
}

export interface QuietTimeWarning {
  id: string;
  eventId: string;
  start: string;
  end: string;
  window: { kind: string; start: string; end: string };
  overlapMinutes: number;
  reason: string;
  explanation: string;
}

/** A quiet window that is on, and the choice that turned it on. */
export interface QuietWindowOn {
  kind: 'evening' | 'weekend' | (string & {});
  start: string;
  end: string;
  choiceId: string;
}

/** What the person turned on: one window, or every evening/weekend from `start` (`end` null). */
export interface QuietChoice {
  id: string;
  kind: string;
  repeat: 'once' | 'every';
  start: string;
  end: string | null;
}

export interface SuggestionsResponse {
  timeZone: string;
  suggestions: Suggestion[];
  booked: BookedBlock[];
  warnings: QuietTimeWarning[];
  /** Quiet windows that are on over the planned days. */
  quietWindows: QuietWindowOn[];
  quietChoices: QuietChoice[];
}

/** A block was booked (an event), or quiet time was turned on (no event). */
export type AcceptResponse =
  | { eventId: string; suggestion: BookedBlock }
  | { quietWindow: QuietChoice; suggestion: { id: string; kind: string; start: string; end: string } };

export type TimeOfDay = 'morning' | 'afternoon' | 'any';
export type BlockShowAs = 'busy' | 'tentative' | 'oof' | 'workingElsewhere' | 'free';
export type PreferredPresence = 'DoNotDisturb' | 'Away' | 'BeRightBack' | 'Busy' | 'Offline';

export interface Preferences {
  dailyDisconnectTargetMinutes: number;
  minBlockMinutes: number;
  maxBlockMinutes: number;
  preferredTimeOfDay: TimeOfDay;
  bufferMinutes: number;
  lunch: { start: string; end: string } | null;
  blockSubject: string;
  blockShowAs: BlockShowAs;
}

export interface QuietTime {
  enabled: boolean;
  eveningBufferMinutes: number;
  weekends: boolean;
  autoStatus: boolean;
  statusMessage: string;
  preferredPresence: PreferredPresence | null;
}

export interface Features {
  presenceTimeline: boolean;
  autoStatus: boolean;
  teamBalance: boolean;
}

export interface Profile {
  tenantId: string;
  userId: string;
  displayName: string;
  isAdmin: boolean;
  timeZone: { name: string; problem: TimeZoneProblem | null };
  workingHours: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone: string };
  presence: { availability: string; activity: string } | null;
  preferences: Preferences;
  quietTime: QuietTime;
  features: Features;
}

export interface OrgPolicy {
  defaults: Preferences;
  quietTimeDefaults: QuietTime;
  minGroupSize: number;
  presenceRetentionDays: number;
  features: Features;
}

export interface AuditEntry {
  actorUserId: string;
  action: string;
  at: string;
  detail: Record<string, unknown>;
}

export interface PolicyResponse {
  policy: OrgPolicy;
  updatedAt: string | null;
  audit: AuditEntry[];
}

export type TeamFigure =
  | 'workingMinutes' | 'connectedMinutes' | 'disconnectedMinutes' | 'afterHoursConnectedMinutes'
  | 'meetingMinutes' | 'protectedMinutes' | 'honouredMinutes' | 'targetMinutes';

export type TeamBalanceResponse =
  | {
    status: 'ok';
    week: string;
    members: number;
    minimum: number;
    roundingMinutes: number;
    totals: Record<TeamFigure, number>;
    averages: Record<TeamFigure, number>;
    balanceRatio: number | null;
  }
  | { status: 'not-enough-members'; week: string; members: number; minimum: number; message: string };

export interface MembershipResponse {
  optedIn: boolean;
}

export interface ExportResponse {
  exportedAt: string;
  tenantId: string;
  userId: string;
  notStored: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

export interface EraseResponse {
  erased: Record<string, number>;
}

/** One week of the trend (`GET /api/me/trend`), counting only what has happened. */
export interface TrendWeek {
  weekStart: string;
  inProgress: boolean;
  metTarget: boolean;
  workingMinutes: number;
  disconnectedMinutes: number;
  disconnectedShare: number | null;
  afterHoursConnectedMinutes: number;
  targetDays: number;
  targetDaysMet: number;
  protectedMinutes: number;
  honouredMinutes: number;
}

export interface TrendResponse {
  timeZone: string;
  timeZoneProblem: TimeZoneProblem | null;
  presence: boolean;
  /** Oldest first; the last is this week. */
  weeks: TrendWeek[];
  streakWeeks: number;
}

/** `GET /api/me/nudges`: which activity-feed nudges are on, and whether they can be sent. */
export interface NudgeSwitches {
  startingSoon: boolean;
  longDay: boolean;
  weeklySummary: boolean;
}

export interface Nudges extends NudgeSwitches {
  available: boolean;
  reason: { code: string; message: string } | null;
}
