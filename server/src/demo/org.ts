import { DEMO_TENANT_ID, UNPLUG_ADMIN_ROLE } from './constants';
import { createPrng, stableGuid } from './prng';
import {
  CUSTOM_ZONE_NAME, CUSTOM_ZONE_RULE, GENERATED_ZONES, GIVEN_NAMES, JOB_TITLES, MEMBER_USER_ROLE_TEMPLATE_ID, SEED_PEOPLE, SURNAMES, WORKING_HOURS,
  type PersonSpec,
} from './seed-people';
import { demoTeams, membershipIndex, type DemoTeam } from './teams';
import { resolveTimeZoneName, type DemoZone } from './time-zones';

/** A person of the demo organisation, with everything the demo Graph serves about them. */
export interface DemoPerson extends Omit<PersonSpec, 'windowsZone'> {
  index: number;
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  /** The Windows zone name of their mailbox, or `undefined` for the custom zone. */
  windowsZone: string | undefined;
  /** The zone their wall clock runs on (the custom one included). */
  zone: DemoZone;
  roles: string[];
  /** Directory role template ids (the default member role first), for the SSO token's `wids`. */
  wids: string[];
  teamIndex: number;
  /** Their lead (team members) or the head of the organisation (team leads); none for the head. */
  managerIndex: number | undefined;
}

export interface DemoWindow {
  /** Monday 00:00 UTC of the week `seedNow` falls in. */
  weekStart: number;
  /** Calendars are seeded for `[start, end)`: three weeks back to five weeks ahead, plus a day each side. */
  start: number;
  end: number;
}

export interface DemoOrg {
  tenantId: string;
  domain: string;
  displayName: string;
  /** The instant the seed is relative to ("this week"). */
  seedNow: number;
  window: DemoWindow;
  people: readonly DemoPerson[];
  teamSize: number;
  /** Teams in Microsoft Teams (Microsoft 365 groups) and their members; not the reporting lines of `teamIndex`. */
  teams: readonly DemoTeam[];
  /** Whether the person is a member of the group (team) with this id; unknown ids are no one's. */
  isGroupMember(personId: string, groupId: string): boolean;
  /** By id (lower case) or user principal name (lower case). */
  find(idOrUpn: string): DemoPerson | undefined;
}

export interface OrgOptions {
  /** How many people (the first twelve are the hand-made seed), or explicit specs. Default 12. */
  people?: number | readonly PersonSpec[];
  seedNow: number;
}

export const DEMO_DOMAIN = 'unplugdemo.onmicrosoft.com';
const TEAM_SIZE = 4;
const DAY = 86_400_000;

/** Builds the organisation: cheap even for 10,000 people (calendars are generated lazily elsewhere). */
export function createOrg(options: OrgOptions): DemoOrg {
  const specs = Array.isArray(options.people)
    ? options.people as readonly PersonSpec[]
    : Array.from({ length: (options.people as number | undefined) ?? SEED_PEOPLE.length }, (_, i) => SEED_PEOPLE[i] ?? generatedSpec(i));
  if (specs.length === 0) throw new Error('The demo organisation needs at least one person.');

  const people = specs.map((spec, index) => toPerson(spec, index, Array.isArray(options.people)));
  const index = new Map<string, DemoPerson>();
  for (const p of people) {
    index.set(p.id, p);
    index.set(p.userPrincipalName.toLowerCase(), p);
  }
  const teams = demoTeams(people.length);
  const groupsOf = membershipIndex(teams, (i) => people[i]!.id);
  return {
    tenantId: DEMO_TENANT_ID,
    domain: DEMO_DOMAIN,
    displayName: 'Unplug Demo Organisation',
    seedNow: options.seedNow,
    window: windowAround(options.seedNow),
    people,
    teamSize: TEAM_SIZE,
    teams,
    isGroupMember: (personId, groupId) => groupsOf.get(personId.toLowerCase())?.has(groupId.toLowerCase()) ?? false,
    find: (idOrUpn) => index.get(idOrUpn.trim().toLowerCase()),
  };
}

export function windowAround(seedNow: number): DemoWindow {
  const day = Math.floor(seedNow / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const weekStart = day - weekday * DAY;
  return { weekStart, start: weekStart - 22 * DAY, end: weekStart + 36 * DAY };
}

/** The people of a team: the lead first. */
export function teamOf(org: DemoOrg, teamIndex: number): DemoPerson[] {
  return org.people.slice(teamIndex * org.teamSize, (teamIndex + 1) * org.teamSize);
}

export function teamCount(org: DemoOrg): number {
  return Math.ceil(org.people.length / org.teamSize);
}

function toPerson(spec: PersonSpec, index: number, explicit: boolean): DemoPerson {
  const id = stableGuid(`unplug-demo/person/${index}`);
  const seeded = !explicit && index < SEED_PEOPLE.length;
  const local = `${spec.givenName}.${spec.surname}`.toLowerCase().replace(/[^a-z.]/g, '');
  const userPrincipalName = `${seeded ? local : `${local}.${index}`}@${DEMO_DOMAIN}`;
  const custom = spec.windowsZone === 'custom';
  const zone: DemoZone = custom
    ? { kind: 'custom', name: CUSTOM_ZONE_NAME, rule: CUSTOM_ZONE_RULE }
    : resolveTimeZoneName(spec.windowsZone) ?? fail(`Unknown Windows zone "${spec.windowsZone}" for ${spec.givenName}`);
  const teamIndex = Math.floor(index / TEAM_SIZE);
  const isLead = index % TEAM_SIZE === 0;
  return {
    ...spec,
    index,
    id,
    displayName: `${spec.givenName} ${spec.surname}`,
    userPrincipalName,
    mail: userPrincipalName,
    windowsZone: custom ? undefined : spec.windowsZone,
    zone,
    roles: spec.admin ? [UNPLUG_ADMIN_ROLE] : [],
    wids: [MEMBER_USER_ROLE_TEMPLATE_ID, ...(spec.directoryRoles ?? [])],
    teamIndex,
    managerIndex: index === 0 ? undefined : isLead ? 0 : teamIndex * TEAM_SIZE,
  };
}

function generatedSpec(index: number): PersonSpec {
  const rnd = createPrng(`unplug-demo/generated/${index}`);
  const [startTime, endTime] = rnd.pick(WORKING_HOURS);
  // Whole teams share a zone most of the time; every third team spans two zones.
  const team = Math.floor(index / TEAM_SIZE);
  const zoneIndex = (team + (team % 3 === 2 && index % 2 === 1 ? 3 : 0)) % GENERATED_ZONES.length;
  return {
    givenName: rnd.pick(GIVEN_NAMES),
    surname: rnd.pick(SURNAMES),
    jobTitle: index % TEAM_SIZE === 0 ? 'Team Lead' : rnd.pick(JOB_TITLES),
    officeLocation: 'Remote',
    windowsZone: GENERATED_ZONES[zoneIndex] ?? 'UTC',
    workingDays: rnd.chance(0.1) ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
    startTime,
    endTime,
    admin: index % 500 === 0,
    consentRequired: false,
    afterHoursChance: Math.round(rnd.next() * 50) / 100,
    meetingLoad: 0.3 + Math.round(rnd.next() * 60) / 100,
    preferredLanguage: 'en-US',
  };
}

function fail(message: string): never {
  throw new Error(message);
}
