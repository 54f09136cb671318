import { Type, type Static } from '@sinclair/typebox';
import { LocalTimeString } from './schemas';

export const PreferencesSchema = Type.Object({
  dailyDisconnectTargetMinutes: Type.Integer({ minimum: 0, maximum: 480 }),
  minBlockMinutes: Type.Integer({ minimum: 15, maximum: 240 }),
  maxBlockMinutes: Type.Integer({ minimum: 15, maximum: 480 }),
  preferredTimeOfDay: Type.Union([Type.Literal('morning'), Type.Literal('afternoon'), Type.Literal('any')]),
  bufferMinutes: Type.Integer({ minimum: 0, maximum: 60 }),
  lunch: Type.Union([Type.Null(), Type.Object({ start: LocalTimeString, end: LocalTimeString }, { additionalProperties: false })]),
  blockSubject: Type.String({ minLength: 1, maxLength: 100 }),
  blockShowAs: Type.Union(['busy', 'tentative', 'oof', 'workingElsewhere', 'free'].map((v) => Type.Literal(v))),
}, { additionalProperties: false });

export const QuietTimeSchema = Type.Object({
  enabled: Type.Boolean(),
  eveningBufferMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  weekends: Type.Boolean(),
  autoStatus: Type.Boolean(),
  statusMessage: Type.String({ minLength: 1, maxLength: 280 }),
  preferredPresence: Type.Union([Type.Null(), ...['DoNotDisturb', 'Away', 'BeRightBack', 'Busy', 'Offline'].map((v) => Type.Literal(v))]),
}, { additionalProperties: false });

export const OrgPolicySchema = Type.Object({
  defaults: PreferencesSchema,
  quietTimeDefaults: QuietTimeSchema,
  minGroupSize: Type.Integer({ minimum: 5, maximum: 1000, description: 'Team aggregates need at least this many opted-in members; never below 5.' }),
  presenceRetentionDays: Type.Integer({ minimum: 1, maximum: 365 }),
  features: Type.Object({
    presenceTimeline: Type.Boolean(),
    autoStatus: Type.Boolean(),
    teamBalance: Type.Boolean(),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export type PreferencesBody = Static<typeof PreferencesSchema>;
export type QuietTimeBody = Static<typeof QuietTimeSchema>;
export type OrgPolicyBody = Static<typeof OrgPolicySchema>;
