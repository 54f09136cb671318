import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { trendFor } from '../../services/trend-service';
import type { ApiContext } from '../api';
import { errorResponses, LocalDateString, TimeZoneUsed } from '../api/schemas';

const TrendWeek = Type.Object({
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

const TrendResponse = Type.Object({
  timeZone: Type.String(),
  timeZoneProblem: TimeZoneUsed.properties.problem,
  presence: Type.Boolean({ description: 'Whether honoured time was measured (Teams presence)' }),
  weeks: Type.Array(TrendWeek, { description: 'Oldest first; the last is this week' }),
  streakWeeks: Type.Integer({ description: 'Weeks in a row, newest first, that met the target (this week does not break it before it is over)' }),
});

/** `GET /api/me/trend`: the last eight weeks of measured balance and the streak of weeks that met the target. */
export async function trendRoute(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/trend', {
    schema: {
      summary: 'The last eight weeks of measured balance, with the streak of weeks that met the target',
      tags: ['me'], security: [{ teamsSso: [] }],
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: TrendResponse, ...errorResponses() },
    },
  }, async (request) => {
    const trend = await trendFor(ports, cache, requestAuth(request));
    return {
      timeZone: trend.timeZone.name,
      timeZoneProblem: trend.timeZone.problem,
      presence: trend.presence,
      streakWeeks: trend.streakWeeks,
      weeks: trend.weeks.map((w) => ({
        weekStart: w.weekStart, inProgress: w.inProgress, metTarget: w.metTarget,
        workingMinutes: w.totals.workingMinutes, disconnectedMinutes: w.totals.disconnectedMinutes, disconnectedShare: w.totals.balanceRatio,
        afterHoursConnectedMinutes: w.totals.afterHoursConnectedMinutes, targetDays: w.totals.targetDays, targetDaysMet: w.totals.targetDaysMet,
        protectedMinutes: w.totals.protectedMinutes, honouredMinutes: w.totals.honouredMinutes,
      })),
    };
  });
}
