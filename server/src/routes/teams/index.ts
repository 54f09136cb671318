import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, MembershipResponse, TeamBalanceQuery, TeamBalanceResponse, TeamParams } from '@unplug/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import type { BalanceTotals } from '../../domain/balance/balance-types';
import { aggregateTeamBalance, type TEAM_FIGURES } from '../../domain/team/team-balance';
import { isLocalDate, dayOfWeek } from '../../domain/time/local-date';
import { weekOf } from '../../domain/time/week';
import { zoneOrUtc } from '../../domain/time/resolve-time-zone';
import { defaultWindow, loadPersonCalendar } from '../../services/person-calendar';
import { AppError } from '../../plugins/errors';
import { effectiveSettings } from '../../services/settings-service';
import { requireTeamMember } from '../../services/team-membership';
import { teamRepository } from '../../store/repositories/team-repository';
import type { ApiContext } from '../api';


/**
 * `/api/teams/{teamId}`: the team's aggregate balance, and the caller's opt-in. Only members of the
 * team in Microsoft Teams (checked with Graph) may opt in; only members who opted in count, and
 * only they may see the aggregate; below the minimum group size nothing is shown but the count.
 */
export async function teamRoutes(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  /** This week in the caller's zone: the week their team looks at by default. */
  const callerWeek = async (request: FastifyRequest) => {
    const { person } = await loadPersonCalendar(ports, cache.tabData, requestAuth(request), defaultWindow(ports.now()));
    return weekOf(ports.now().getTime(), zoneOrUtc(person.workingHours.timeZone).zone).from;
  };
  const tags = ['teams'];
  const security = [{ teamsSso: [] }];

  api.get('/:teamId/balance', {
    schema: {
      summary: "The team's aggregate balance for a week (opted-in members only)", tags, security, params: TeamParams,
      querystring: TeamBalanceQuery,
      response: { 200: TeamBalanceResponse, ...errorResponses(404) },
    },
  }, async (request) => {
    const { caller } = requestAuth(request);
    const person = { tenantId: caller.tenantId, userId: caller.userId };
    const { policy } = await effectiveSettings(ports.store, person);
    if (!policy.features.teamBalance) throw new AppError('feature_disabled', ['team balance']);
    const teams = teamRepository(ports.store.db);
    const teamId = request.params.teamId.toLowerCase();
    if (!await teams.isMember(person, teamId)) {
      throw new AppError('not_a_member');
    }
    // Opted in once is not enough: someone who has left the team sees its figures no more.
    await requireTeamMember(ports, cache, requestAuth(request), teamId);
    const week = request.query.week ?? await callerWeek(request);
    if (!isLocalDate(week) || dayOfWeek(week) !== 'monday') throw new AppError('invalid_week');
    const snapshots = await teams.memberSnapshots(caller.tenantId, teamId, week);
    const result = aggregateTeamBalance(snapshots as unknown as Pick<BalanceTotals, (typeof TEAM_FIGURES)[number] | 'days'>[], policy.minGroupSize);
    return { ...result, week };
  });

  api.put('/:teamId/membership', {
    schema: { summary: "Opt in to the team's aggregate balance (members of the team only)", tags, security, params: TeamParams, response: { 200: MembershipResponse, ...errorResponses() } },
  }, async (request) => {
    const auth = requestAuth(request);
    const { caller } = auth;
    const teamId = request.params.teamId.toLowerCase();
    await requireTeamMember(ports, cache, auth, teamId);
    await teamRepository(ports.store.db).optIn({ tenantId: caller.tenantId, userId: caller.userId }, teamId, ports.now());
    return { optedIn: true };
  });

  api.get('/:teamId/membership', {
    schema: { summary: 'Whether the caller opted in', tags, security, params: TeamParams, response: { 200: MembershipResponse, ...errorResponses() } },
  }, async (request) => {
    const { caller } = requestAuth(request);
    return { optedIn: await teamRepository(ports.store.db).isMember({ tenantId: caller.tenantId, userId: caller.userId }, request.params.teamId.toLowerCase()) };
  });

  api.delete('/:teamId/membership', {
    schema: { summary: "Opt out of the team's aggregate balance", tags, security, params: TeamParams, response: { 200: MembershipResponse, ...errorResponses() } },
  }, async (request) => {
    const { caller } = requestAuth(request);
    await teamRepository(ports.store.db).optOut({ tenantId: caller.tenantId, userId: caller.userId }, request.params.teamId.toLowerCase());
    return { optedIn: false };
  });
}
