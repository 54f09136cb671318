import { Type, type Static } from '@sinclair/typebox';
import { InstantString, LocalClock, LocalDateString } from './common';
import { DEFAULT_SUGGESTION_DAYS, LIMITS } from './limits';

/** An instant and the same instant on the person's clock. */
const span = { start: InstantString, end: InstantString, startLocal: LocalClock, endLocal: LocalClock };

export const SuggestionKind = Type.String({ description: 'disconnect-block, recovery or quiet-time' });

export const Suggestion = Type.Object({
  id: Type.String(),
  kind: SuggestionKind,
  date: LocalDateString,
  ...span,
  durationMinutes: Type.Integer(),
  reason: Type.String(),
  explanation: Type.String(),
  gap: Type.Object(span, { description: 'The free time the block may be moved or resized within' }),
});

export const BookedBlock = Type.Object({ id: Type.String(), kind: Type.String(), ...span, eventId: Type.String() });

export const QuietTimeWarning = Type.Object({
  id: Type.String(), eventId: Type.String(), ...span,
  window: Type.Object({ kind: Type.String(), ...span }),
  overlapMinutes: Type.Integer(), reason: Type.String(), explanation: Type.String(),
});

const Id = Type.String({ minLength: LIMITS.idLength[0], maxLength: LIMITS.idLength[1], pattern: '^[A-Za-z0-9_-]+$' });
export const SuggestionId = Type.Object({ id: Id }, { additionalProperties: false });
export const ChoiceParams = Type.Object({ id: Id }, { additionalProperties: false });

export const Repeat = Type.Union([Type.Literal('once'), Type.Literal('every')], { description: 'Quiet time only: turn on this one window, or every such evening/weekend' });
export const AcceptBody = Type.Union([
  Type.Null(),
  Type.Object({ start: InstantString, end: InstantString }, { additionalProperties: false }),
  Type.Object({ repeat: Repeat }, { additionalProperties: false }),
]);

/** The body of an accept: none, an adjusted start and end, or how often quiet time repeats. */
export const AcceptRequest = Type.Optional(AcceptBody);

/** A quiet window that is on, and the choice that turned it on. */
export const QuietWindowOn = Type.Object({
  kind: Type.String({ description: 'evening or weekend' }), ...span,
  choiceId: Type.String({ description: 'The choice that turned it on (turn it off with DELETE /api/me/quiet-windows/{choiceId})' }),
});
/** What the person turned on: one window, or every evening/weekend from `start` (`end` null). */
export const QuietChoice = Type.Object({
  id: Type.String(), kind: Type.String(), repeat: Repeat, start: InstantString, end: Type.Union([InstantString, Type.Null()]),
  startLocal: LocalClock, endLocal: Type.Union([LocalClock, Type.Null()]),
});
export const QuietWindowAccepted = Type.Object({ quietWindow: QuietChoice, suggestion: Type.Object({ id: Type.String(), kind: Type.String(), ...span }) });
export const BlockAccepted = Type.Object({ eventId: Type.String(), suggestion: BookedBlock });
/** A block was booked (an event), or quiet time was turned on (no event). */
export const AcceptResponse = Type.Union([BlockAccepted, QuietWindowAccepted]);

export const SuggestionsQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: LIMITS.suggestionDays[0], maximum: LIMITS.suggestionDays[1], default: DEFAULT_SUGGESTION_DAYS })),
}, { additionalProperties: false });

/** `GET /api/me/suggestions` */
export const SuggestionsResponse = Type.Object({
  timeZone: Type.String(),
  timeZoneOffsetMinutes: Type.Integer({ description: "The zone's UTC offset now" }),
  suggestions: Type.Array(Suggestion), booked: Type.Array(BookedBlock), warnings: Type.Array(QuietTimeWarning),
  quietWindows: Type.Array(QuietWindowOn, { description: 'Quiet windows that are on over the planned days (they drive the status and the warnings)' }),
  quietChoices: Type.Array(QuietChoice, { description: 'What the person turned on: single windows and every evening/weekend' }),
});

export const UndoResponse = Type.Object({ eventDeleted: Type.Boolean({ description: 'false when the event was already gone from the calendar' }) });

export type Suggestion = Static<typeof Suggestion>;
export type BookedBlock = Static<typeof BookedBlock>;
export type QuietTimeWarning = Static<typeof QuietTimeWarning>;
export type QuietWindowOn = Static<typeof QuietWindowOn>;
export type QuietChoice = Static<typeof QuietChoice>;
export type AcceptBody = Static<typeof AcceptBody>;
export type AcceptResponse = Static<typeof AcceptResponse>;
export type SuggestionsResponse = Static<typeof SuggestionsResponse>;
export type UndoResponse = Static<typeof UndoResponse>;
