import { GRAPH_METADATA, badRequest, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute, RouteParams } from './context';

/** Graph checks at most this many group ids in one checkMemberGroups. */
export const MAX_CHECKED_GROUPS = 20;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /users/{id}/checkMemberGroups` (and `/me/checkMemberGroups`): of the group ids asked, the
 * ones the person is a member of. Unknown ids are simply not in the answer; a malformed id fails
 * the whole request; more than 20 ids are refused.
 * https://learn.microsoft.com/en-us/graph/api/user-checkmembergroups
 */
function checkMemberGroups(call: GraphCall, ctx: GraphContext, { person }: RouteParams) {
  const groupIds = (call.body as { groupIds?: unknown } | undefined)?.groupIds;
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string')) {
    throw badRequest("The body needs 'groupIds': a list of group ids.", 'Request_BadRequest');
  }
  if (groupIds.length > MAX_CHECKED_GROUPS) {
    throw badRequest(`Too many group ids: at most ${MAX_CHECKED_GROUPS} can be checked in one request (got ${groupIds.length}).`, 'Request_BadRequest');
  }
  const bad = (groupIds as string[]).find((id) => !GUID.test(id));
  if (bad !== undefined) throw badRequest(`Invalid GUID: '${bad}'.`, 'Request_BadRequest');
  const value = (groupIds as string[]).filter((id) => ctx.org.isGroupMember(person.id, id));
  return ok({ '@odata.context': `${GRAPH_METADATA}#Collection(Edm.String)`, value });
}

export const groupRoutes: GraphRoute[] = [
  // Delegated only: the dispatcher lets a delegated token ask about its own memberships only, and
  // the table lists no application permission for the signed-in user's memberships.
  { method: 'POST', pattern: 'users/:user/checkMemberGroups', call: 'checkMemberGroups', handler: checkMemberGroups },
];
