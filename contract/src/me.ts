import { Type, type Static } from '@sinclair/typebox';
import { LocalDateString, TimeZoneUsed } from './common';
import { PreferencesSchema, QuietTimeSchema } from './settings';

/** `GET /api/me/access` */
export const Access = Type.Object({
  tenantId: Type.String(),
  userId: Type.String(),
  isAdmin: Type.Boolean({ description: 'App role Unplug.Admin, or Global or Teams Administrator (wids): may use the admin page' }),
});

/** `GET /api/me` */
export const Profile = Type.Object({
  tenantId: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  isAdmin: Type.Boolean(),
  timeZone: TimeZoneUsed,
  workingHours: Type.Object({
    daysOfWeek: Type.Array(Type.String()),
    startTime: Type.String(),
    endTime: Type.String(),
    timeZone: Type.String({ description: 'As the mailbox names it (Windows, IANA or a custom zone name)' }),
  }),
  presence: Type.Union([Type.Null(), Type.Object({ availability: Type.String(), activity: Type.String() })]),
  preferences: PreferencesSchema,
  quietTime: QuietTimeSchema,
  features: Type.Object({ presenceTimeline: Type.Boolean(), autoStatus: Type.Boolean(), teamBalance: Type.Boolean() }),
});

const figures = {
  connectedMinutes: Type.Integer(),
  disconnectedMinutes: Type.Integer({ description: 'Only uninterrupted stretches of at least the shortest block with no meeting and no online time' }),
  fragmentedMinutes: Type.Integer({ description: 'Free working time in stretches too short to count as disconnected' }),
  afterHoursConnectedMinutes: Type.Integer(),
  quietTimeConnectedMinutes: Type.Integer({ description: 'Meeting or online time inside quiet windows the person turned on' }),
  meetingMinutes: Type.Integer(),
  protectedMinutes: Type.Integer(),
  honouredMinutes: Type.Integer(),
  longestMeetingStreakMinutes: Type.Integer(),
  workingMinutes: Type.Integer(),
  targetMinutes: Type.Integer(),
  balanceRatio: Type.Union([Type.Number(), Type.Null()]),
};

export const BalanceDayState = Type.Union([Type.Literal('measured'), Type.Literal('in-progress'), Type.Literal('planned')], {
  description: 'measured: over; in-progress: today (figures of its elapsed part); planned: to come (what the calendar holds so far, never in the totals)',
});

export const BalanceDay = Type.Object({
  date: LocalDateString,
  state: BalanceDayState,
  dayOfWeek: Type.String(),
  isWorkingDay: Type.Boolean(),
  outOfOffice: Type.Boolean(),
  targetMet: Type.Boolean(),
  ...figures,
});

export const BalanceTotals = Type.Object({ days: Type.Integer(), workingDays: Type.Integer(), targetDays: Type.Integer(), targetDaysMet: Type.Integer(), ...figures });

/** `GET /api/me/balance` */
export const BalanceResponse = Type.Object({
  timeZone: Type.String(),
  timeZoneProblem: TimeZoneUsed.properties.problem,
  timeZoneOffsetMinutes: Type.Integer({ description: "The zone's UTC offset at noon UTC on the range's first day" }),
  range: Type.Object({ from: LocalDateString, to: LocalDateString }),
  minStretchMinutes: Type.Integer({ description: 'Only uninterrupted stretches at least this long (the shortest block) count as disconnected' }),
  days: Type.Array(BalanceDay),
  totals: BalanceTotals,
  sources: Type.Object({ calendar: Type.Boolean(), presence: Type.Boolean() }),
});

export const BalanceQuery = Type.Object({
  from: Type.Optional(LocalDateString),
  to: Type.Optional(LocalDateString),
}, { additionalProperties: false });

export const TrendWeek = Type.Object({
  weekStart: LocalDateString,
  inProgress: Type.Boolean({ description: 'The week has days still to come: its figures are so far' }),
  metTarget: Type.Boolean({ description: 'The target was met on every target day that has happened' }),
  workingMinutes: Type.Integer(),
  disconnectedMinutes: Type.Integer(),
  disconnectedShare: Type.Union([Type.Number(), Type.Null()]),
  afterHoursConnectedMinutes: Type.Integer(),
  targetDays: Type.Integer(),
  targetDaysMet: Type.Integer(),
  protectedMinutes: Type.Integer(),
  honouredMinutes: Type.Integer(),
});

/** `GET /api/me/trend` */
export const TrendResponse = Type.Object({
  timeZone: Type.String(),
  timeZoneProblem: TimeZoneUsed.properties.problem,
  presence: Type.Boolean({ description: 'Whether honoured time was measured (Teams presence)' }),
  weeks: Type.Array(TrendWeek, { description: 'Oldest first; the last is this week' }),
  streakWeeks: Type.Integer({ description: 'Weeks in a row, newest first, that met the target (this week does not break it before it is over)' }),
});

export const TrendQuery = Type.Object({}, { additionalProperties: false });

/** `GET /api/me/export` */
export const ExportResponse = Type.Object({
  exportedAt: Type.String(), tenantId: Type.String(), userId: Type.String(),
  notStored: Type.Array(Type.String()),
  tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown()))),
});

/** `DELETE /api/me/data` */
export const EraseResponse = Type.Object({ erased: Type.Record(Type.String(), Type.Integer()) });

export type Access = Static<typeof Access>;
export type Profile = Static<typeof Profile>;
export type BalanceDayState = Static<typeof BalanceDayState>;
export type BalanceDay = Static<typeof BalanceDay>;
export type BalanceTotals = Static<typeof BalanceTotals>;
export type BalanceResponse = Static<typeof BalanceResponse>;
export type TrendWeek = Static<typeof TrendWeek>;
export type TrendResponse = Static<typeof TrendResponse>;
export type ExportResponse = Static<typeof ExportResponse>;
export type EraseResponse = Static<typeof EraseResponse>;
