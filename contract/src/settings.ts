import { Type, type Static } from '@sinclair/typebox';
import { LocalTimeString } from './common';
import { LIMITS, type Limit } from './limits';
import { BLOCK_SHOW_AS, PREFERRED_PRESENCES, TIMES_OF_DAY } from './vocabulary';

/** An integer field with its limits from `LIMITS`. */
const whole = (limit: Limit, options: { description?: string } = {}) =>
  Type.Integer({ minimum: LIMITS[limit][0], maximum: LIMITS[limit][1], ...options });
/** A text field with its length from `LIMITS` (the domain checks the trimmed length again). */
const text = (limit: Limit) => Type.String({ minLength: LIMITS[limit][0], maxLength: LIMITS[limit][1] });


export const TimeOfDay = Type.Union(TIMES_OF_DAY.map((v) => Type.Literal(v)));
export const BlockShowAs = Type.Union(BLOCK_SHOW_AS.map((v) => Type.Literal(v)));
export const PreferredPresence = Type.Union(PREFERRED_PRESENCES.map((v) => Type.Literal(v)));

export const Lunch = Type.Object({ start: LocalTimeString, end: LocalTimeString }, { additionalProperties: false });

export const PreferencesSchema = Type.Object({
  dailyDisconnectTargetMinutes: whole('dailyDisconnectTargetMinutes'),
  minBlockMinutes: whole('minBlockMinutes'),
  maxBlockMinutes: whole('maxBlockMinutes'),
  preferredTimeOfDay: TimeOfDay,
  bufferMinutes: whole('bufferMinutes'),
  lunch: Type.Union([Type.Null(), Lunch]),
  blockSubject: text('blockSubjectLength'),
  blockShowAs: BlockShowAs,
}, { additionalProperties: false });

export const QuietTimeSchema = Type.Object({
  enabled: Type.Boolean(),
  eveningBufferMinutes: whole('eveningBufferMinutes'),
  weekends: Type.Boolean(),
  autoStatus: Type.Boolean(),
  statusMessage: text('statusMessageLength'),
  preferredPresence: Type.Union([Type.Null(), PreferredPresence]),
}, { additionalProperties: false });

export const FeaturesSchema = Type.Object({
  presenceTimeline: Type.Boolean(),
  autoStatus: Type.Boolean(),
  teamBalance: Type.Boolean(),
}, { additionalProperties: false });

export const OrgPolicySchema = Type.Object({
  defaults: PreferencesSchema,
  quietTimeDefaults: QuietTimeSchema,
  minGroupSize: whole('minGroupSize', { description: `Team aggregates need at least this many opted-in members; never below ${LIMITS.minGroupSize[0]}.` }),
  presenceRetentionDays: whole('presenceRetentionDays'),
  features: FeaturesSchema,
}, { additionalProperties: false });

/** `PUT /api/me/preferences`: any of the fields. */
export const PreferencesUpdate = Type.Partial(PreferencesSchema);
/** `PUT /api/me/quiet-time`: any of the fields. */
export const QuietTimeUpdate = Type.Partial(QuietTimeSchema);
/** `PUT /api/admin/policy`: any of the fields, nested ones field by field. */
export const OrgPolicyUpdate = Type.Partial(Type.Object({
  ...OrgPolicySchema.properties,
  defaults: Type.Partial(PreferencesSchema),
  quietTimeDefaults: Type.Partial(QuietTimeSchema),
  features: Type.Partial(FeaturesSchema),
}, { additionalProperties: false }));

export const AuditEntry = Type.Object({ actorUserId: Type.String(), action: Type.String(), at: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) });
export const PolicyResponse = Type.Object({ policy: OrgPolicySchema, updatedAt: Type.Union([Type.String(), Type.Null()]), audit: Type.Array(AuditEntry) });

export type Preferences = Static<typeof PreferencesSchema>;
export type QuietTime = Static<typeof QuietTimeSchema>;
export type Features = Static<typeof FeaturesSchema>;
export type OrgPolicy = Static<typeof OrgPolicySchema>;
export type PreferencesBody = Static<typeof PreferencesUpdate>;
export type QuietTimeBody = Static<typeof QuietTimeUpdate>;
export type OrgPolicyBody = Static<typeof OrgPolicyUpdate>;
export type AuditEntry = Static<typeof AuditEntry>;
export type PolicyResponse = Static<typeof PolicyResponse>;
export type TimeOfDay = Static<typeof TimeOfDay>;
export type BlockShowAs = Static<typeof BlockShowAs>;
export type PreferredPresence = Static<typeof PreferredPresence>;
