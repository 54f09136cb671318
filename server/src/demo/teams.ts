import { stableGuid } from './prng';
import { SEED_PEOPLE } from './seed-people';

/**
 * A team in Microsoft Teams of the demo organisation. As in Microsoft 365, a team is a Microsoft
 * 365 group: `id` is the group id a channel tab's context gives as `team.groupId`, and membership
 * of the team is membership of that group (always direct: Microsoft 365 groups hold no groups).
 */
export interface DemoTeam {
  id: string;
  displayName: string;
  /** Indexes of the people who are members (owners are members too, as Teams makes them). */
  memberIndexes: readonly number[];
}

/**
 * The Customer Success team: every seeded person is a member, so the demo channel tab (which
 * stands for this team) works for whoever the demo person switcher picks. The client's demo mode
 * uses the same id (`client/src/views/team/use-team.ts`).
 */
export const CUSTOMER_SUCCESS_TEAM_ID = '6f1e2b0a-4c3d-4e5f-9a7b-1c2d3e4f5a60';

/** The seeded teams: different members on purpose, so a person is in some teams and not others. */
export const SEED_TEAMS: readonly DemoTeam[] = [
  { id: CUSTOMER_SUCCESS_TEAM_ID, displayName: 'Customer Success', memberIndexes: SEED_PEOPLE.map((_, i) => i) },
  // Avery (the head) and the Europe team: five members.
  { id: '2b7d9c41-8e5a-4f60-b1c2-d3e4f5a6b7c8', displayName: 'Support Europe', memberIndexes: [0, 4, 5, 6, 7] },
  // The Asia-Pacific team alone: four members, fewer than the smallest group that sees aggregates.
  { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', displayName: 'Asia-Pacific Partners', memberIndexes: [8, 9, 10, 11] },
];

/** People beyond the seeded twelve are in generated teams of this many. */
export const GENERATED_TEAM_SIZE = 8;

/** The teams of an organisation of `peopleCount` people: the seeded ones, then one per eight generated people. */
export function demoTeams(peopleCount: number): DemoTeam[] {
  const teams = SEED_TEAMS
    .map((t) => ({ ...t, memberIndexes: t.memberIndexes.filter((i) => i < peopleCount) }))
    .filter((t) => t.memberIndexes.length > 0);
  const first = SEED_PEOPLE.length;
  for (let start = first, g = 0; start < peopleCount; start += GENERATED_TEAM_SIZE, g++) {
    const end = Math.min(start + GENERATED_TEAM_SIZE, peopleCount);
    teams.push({
      id: stableGuid(`unplug-demo/team/${g}`),
      displayName: `Customer Success ${g + 2}`,
      memberIndexes: Array.from({ length: end - start }, (_, i) => start + i),
    });
  }
  return teams;
}

/** Who is in which team: group ids by person id, for membership checks. */
export function membershipIndex(teams: readonly DemoTeam[], personIdAt: (index: number) => string): Map<string, Set<string>> {
  const byPerson = new Map<string, Set<string>>();
  for (const team of teams) {
    for (const index of team.memberIndexes) {
      const id = personIdAt(index);
      const groups = byPerson.get(id) ?? new Set<string>();
      groups.add(team.id);
      byPerson.set(id, groups);
    }
  }
  return byPerson;
}
