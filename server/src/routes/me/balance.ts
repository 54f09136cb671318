import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { BalanceQuery, BalanceResponse, errorResponses, MAX_BALANCE_DAYS } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { compareDates, datesInRange, isLocalDate, type DateRange } from '../../domain/time/local-date';
import { AppError } from '../../plugins/errors';
import { balanceFor } from '../../services/balance-service';
import { localClockOf } from '../../domain/time/zone';
import type { ApiContext } from '../api';

/** `GET /api/me/balance?from=YYYY-MM-DD&to=YYYY-MM-DD` (default: this week in the caller's zone). */
export async function balanceRoute(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/balance', {
    schema: {
      summary: 'Connect / disconnect balance per day and in total',
      tags: ['me'], security: [{ teamsSso: [] }], querystring: BalanceQuery,
      response: { 200: BalanceResponse, ...errorResponses() },
    },
  }, async (request) => {
    const range = readRange(request.query.from, request.query.to);
    const balance = await balanceFor(ports, cache, requestAuth(request), range);
    return {
      timeZone: balance.timeZone.name,
      timeZoneProblem: balance.timeZone.problem,
      timeZoneOffsetMinutes: localClockOf(Date.parse(`${balance.range.from}T12:00:00Z`), balance.zone).offsetMinutes,
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
  if (from === undefined || to === undefined) throw new AppError('invalid_range', ['Give both "from" and "to" (YYYY-MM-DD), or neither for this week.']);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isLocalDate(value)) throw new AppError('invalid_range', [`"${name}" is not a calendar date: ${value}`]);
  }
  if (compareDates(from, to) > 0) throw new AppError('invalid_range', ['"from" must not be after "to".']);
  if (datesInRange({ from, to }).length > MAX_BALANCE_DAYS) throw new AppError('invalid_range', [`A range may cover at most ${MAX_BALANCE_DAYS} days.`]);
  return { from, to };
}
