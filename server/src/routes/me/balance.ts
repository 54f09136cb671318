import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { compareDates, datesInRange, isLocalDate, type DateRange } from '../../domain/time/local-date';
import { AppError } from '../../plugins/errors';
import { balanceFor } from '../../services/balance-service';
import type { ApiContext } from '../api';
import { errorResponses, LocalDateString, TimeZoneUsed } from '../api/schemas';

/** The longest range one request may ask for. */
export const MAX_BALANCE_DAYS = 42;

const figures = {
  connectedMinutes: Type.Integer(),
  disconnectedMinutes: Type.Integer(),
  fragmentedMinutes: Type.Integer(),
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

const BalanceResponse = Type.Object({
  timeZone: Type.String(),
  timeZoneProblem: TimeZoneUsed.properties.problem,
  range: Type.Object({ from: LocalDateString, to: LocalDateString }),
  minStretchMinutes: Type.Integer({ description: 'Only uninterrupted stretches at least this long (the shortest block) count as disconnected' }),
  days: Type.Array(Type.Object({
    date: LocalDateString,
    state: Type.Union([Type.Literal('measured'), Type.Literal('in-progress'), Type.Literal('planned')], {
      description: 'measured: over; in-progress: today (figures of its elapsed part); planned: to come (what the calendar holds so far, never in the totals)',
    }),
    dayOfWeek: Type.String(),
    isWorkingDay: Type.Boolean(),
    outOfOffice: Type.Boolean(),
    targetMet: Type.Boolean(),
    ...figures,
  })),
  totals: Type.Object({ days: Type.Integer(), workingDays: Type.Integer(), targetDays: Type.Integer(), targetDaysMet: Type.Integer(), ...figures }),
  sources: Type.Object({ calendar: Type.Boolean(), presence: Type.Boolean() }),
});

const Query = Type.Object({
  from: Type.Optional(LocalDateString),
  to: Type.Optional(LocalDateString),
}, { additionalProperties: false });

/** `GET /api/me/balance?from=YYYY-MM-DD&to=YYYY-MM-DD` (default: this week in the caller's zone). */
export async function balanceRoute(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/balance', {
    schema: {
      summary: 'Connect / disconnect balance per day and in total',
      tags: ['me'], security: [{ teamsSso: [] }], querystring: Query,
      response: { 200: BalanceResponse, ...errorResponses() },
    },
  }, async (request) => {
    const range = readRange(request.query.from, request.query.to);
    const balance = await balanceFor(ports, cache, requestAuth(request), range);
    return {
      timeZone: balance.timeZone.name,
      timeZoneProblem: balance.timeZone.problem,
      range: balance.range,
      minStretchMinutes: balance.minStretchMinutes,
      days: balance.days,
      totals: balance.totals,
      sources: balance.sources,
    };
  });
}

function readRange(from: string | undefined, to: string | undefined): DateRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined) throw new AppError(400, 'invalid_range', 'Give both "from" and "to" (YYYY-MM-DD), or neither for this week.');
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isLocalDate(value)) throw new AppError(400, 'invalid_range', `"${name}" is not a calendar date: ${value}`);
  }
  if (compareDates(from, to) > 0) throw new AppError(400, 'invalid_range', '"from" must not be after "to".');
  if (datesInRange({ from, to }).length > MAX_BALANCE_DAYS) throw new AppError(400, 'invalid_range', `A range may cover at most ${MAX_BALANCE_DAYS} days.`);
  return { from, to };
}
