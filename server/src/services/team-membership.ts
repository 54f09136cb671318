import type { RequestAuth } from '../auth/bearer';
import { AppError } from '../plugins/errors';
import type { ApiCaches } from './api-caches';
import { personKey } from './person-calendar';
import type { ApiPorts } from './ports';

/**
 * Refuses a caller who is not a member of the team (403 `not_a_team_member`). The team is named by
 * its Microsoft 365 group id, the `team.groupId` of the channel tab's context; Graph answers on the
 * caller's behalf (`checkMemberGroups`, only `User.Read`). The answer is reused for a couple of
 * minutes per person and team, so opening the tab again costs no Graph call; a failed check
 * (consent, throttling) is not remembered.
 */
export async function requireTeamMember(ports: Pick<ApiPorts, 'graph' | 'personContext'>, caches: ApiCaches, auth: RequestAuth, teamId: string): Promise<void> {
  const member = await caches.teamMembership.get(personKey(auth), teamId.toLowerCase(),
    () => ports.graph.isTeamMember(ports.personContext(auth), teamId));
  if (!member) {
    throw new AppError('not_a_team_member');
  }
}
