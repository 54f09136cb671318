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

export const TimeZoneProblem = Type.Object({ code: Type.String(), message: Type.String() });

export const TimeZoneUsed = Type.Object({
  name: Type.String(),
  problem: Type.Union([Type.Null(), TimeZoneProblem]),
});

/** Why a background feature cannot work now, or null. */
export const Unavailable = Type.Object({ code: Type.String(), message: Type.String() });

export type TimeZoneProblem = Static<typeof TimeZoneProblem>;
export type TimeZoneUsed = Static<typeof TimeZoneUsed>;
export type Unavailable = Static<typeof Unavailable>;
