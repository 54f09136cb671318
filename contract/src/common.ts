import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A problem with one field of a request, worded to be shown beside that field. */
export const FieldProblem = Type.Object({
  field: Type.String({ description: 'Dotted path, e.g. `maxBlockMinutes`, `lunch.end`, `defaults.bufferMinutes`, `items[0].id`' }),
  message: Type.String({ description: 'What is wrong, e.g. `must be at most 60`' }),
});

/** `{ error: { code, message } }`, the body of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable: one of the error catalogue (contract/src/errors.ts)' }),
    message: Type.String(),
    fields: Type.Optional(Type.Array(FieldProblem, { description: 'invalid_request and invalid_settings: every field that is wrong' })),
    claims: Type.Optional(Type.String({ description: '`claims_challenge` only: the claims Microsoft Entra asks for, to pass to getAuthToken({ claims: [claims] })' })),
  }),
}, { $id: 'ErrorBody' });

const errorRef = Type.Ref('ErrorBody');

/** The error answers every authenticated route may give, for the OpenAPI document. */
export function errorResponses(...extra: number[]): Record<number, TSchema> {
  const statuses = [400, 401, 403, 429, 502, 503, ...extra];
  return Object.fromEntries(statuses.map((s) => [s, errorRef]));
}

export const LocalDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date, YYYY-MM-DD', maxLength: 10 });
export const LocalTimeString = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'A wall-clock time, HH:mm', maxLength: 5 });
export const InstantString = Type.String({ format: 'date-time', description: 'An instant, ISO 8601 (answers are UTC with Z)', maxLength: 40 });

/** A 204 answer. */
export const NoContent = Type.Null();

/**
 * An instant on the person's clock, computed by the server from their zone (IANA, Windows or a
 * custom zone's rules), so the tab shows times with no zone logic of its own. Sent beside every
 * instant `x` of a person's plan as `xLocal`.
 */
export const LocalClock = Type.Object({
  date: LocalDateString,
  time: LocalTimeString,
  offsetMinutes: Type.Integer({ description: 'UTC offset at that instant, minutes east of Greenwich (Berlin in summer: 120)' }),
}, { description: "The instant beside it on the person's clock: local date, time (HH:mm) and UTC offset" });

export const TimeZoneProblem = Type.Object({ code: Type.String(), message: Type.String() });

export const TimeZoneUsed = Type.Object({
  name: Type.String(),
  problem: Type.Union([Type.Null(), TimeZoneProblem]),
  offsetMinutes: Type.Integer({ description: "The zone's UTC offset now, minutes east of Greenwich (to name a zone Intl does not know, e.g. UTC+01:00)" }),
});

/** Why a background feature cannot work now, or null. */
export const Unavailable = Type.Object({ code: Type.String(), message: Type.String() });

export type TimeZoneProblem = Static<typeof TimeZoneProblem>;
export type TimeZoneUsed = Static<typeof TimeZoneUsed>;
export type LocalClock = Static<typeof LocalClock>;
export type Unavailable = Static<typeof Unavailable>;
