import type { GraphHttp } from './graph-client';
import { asArray, asObject } from './json-reader';

/**
 * Whether the signed-in person is a member of the team whose Microsoft 365 group id is `groupId`
 * (a channel tab's `team.groupId`), on their behalf: `POST /me/checkMemberGroups`.
 *
 * Why this call: for the signed-in user's own memberships Microsoft lists `User.Read` as the least
 * privileged permission, which every Teams SSO app already has; `GET /me/joinedTeams` needs
 * Team.ReadBasic.All, `GET /teams/{id}/members` TeamMember.Read.All and `/groups/{id}/members`
 * GroupMember.Read.All, each of which shows far more than one yes or no. A team is a Microsoft 365
 * group and such groups hold no groups, so group membership is team membership (owners are members).
 * https://learn.microsoft.com/en-us/graph/api/user-checkmembergroups
 */
export async function isTeamMember(http: GraphHttp, groupId: string): Promise<boolean> {
  const body = asObject(await http.post('/me/checkMemberGroups', { groupIds: [groupId] }), 'checkMemberGroups');
  const value = asArray(body['value'], 'checkMemberGroups.value');
  return value.some((id) => typeof id === 'string' && id.toLowerCase() === groupId.toLowerCase());
}
