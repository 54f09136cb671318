import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, TrendQuery, TrendResponse } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { trendFor } from '../../services/trend-service';
import type { ApiContext } from '../api';

/** `GET /api/me/trend`: the last eight weeks of measured balance and the streak of weeks that met the target. */
export async function trendRoute(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/trend', {
    schema: {
      summary: 'The last eight weeks of measured balance, with the streak of weeks that met the target',
      tags: ['me'], security: [{ teamsSso: [] }],
      querystring: TrendQuery,
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
