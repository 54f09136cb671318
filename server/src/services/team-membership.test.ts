import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAuth } from '../auth/bearer';
import type { RunningDemoTenant } from '../demo/standalone';
import { CUSTOMER_SUCCESS_TEAM_ID, SEED_TEAMS } from '../demo/teams';
import { manualClock, startTestTenant } from '../demo/test-support';
import { createGraphGateway } from '../graph/gateway';
import type { PersonContext } from '../graph/graph-client';
import { ApiCaches } from './api-caches';
import { requireTeamMember } from './team-membership';

const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
const EUROPE = SEED_TEAMS.find((t) => t.displayName === 'Support Europe')!.id;
const UNKNOWN = '00000000-1111-4222-8333-444444444444';
let demo: RunningDemoTenant;

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
});
afterAll(() => demo.close());

/** The service's ports on the demo tenant, acting for person `index` with a Graph token of these scopes. */
function portsFor(index: number, scopes: readonly string[] = demo.tenant.registration.delegated) {
  const person = demo.tenant.org.people[index]!;
  const auth = { caller: { tenantId: demo.tenant.org.tenantId, userId: person.id }, token: 'sso' } as unknown as RequestAuth;
  const context: PersonContext = { kind: 'person', getAccessToken: async () => (await demo.tenant.identity.issueDelegatedGraphToken(person, scopes)).token };
  const ports = {
    graph: createGraphGateway({ root: demo.graphBaseUrl, retry: { sleep: async () => {} } }),
    personContext: () => context,
  };
  return { ports, auth };
}

describe('requireTeamMember', () => {
  it('lets a member of the team through, and asks Graph once for a while', async () => {
    const { ports, auth } = portsFor(4); // Hannah: Support Europe
    const caches = new ApiCaches();
    demo.tenant.resetStats();
    await expect(requireTeamMember(ports, caches, auth, EUROPE)).resolves.toBeUndefined();
    await expect(requireTeamMember(ports, caches, auth, EUROPE.toUpperCase())).resolves.toBeUndefined();
    expect(demo.tenant.stats().graphRequests).toBe(1);
  });

  it('refuses a non-member and an unknown team with 403 not_a_team_member', async () => {
    const { ports, auth } = portsFor(1); // Mateo: Customer Success only
    const caches = new ApiCaches();
    await expect(requireTeamMember(ports, caches, auth, CUSTOMER_SUCCESS_TEAM_ID)).resolves.toBeUndefined();
    await expect(requireTeamMember(ports, caches, auth, EUROPE)).rejects.toMatchObject({ statusCode: 403, code: 'not_a_team_member' });
    await expect(requireTeamMember(ports, caches, auth, UNKNOWN)).rejects.toMatchObject({ statusCode: 403, code: 'not_a_team_member' });
  });

  it('answers consent_required when the Graph token lacks User.Read, and does not remember it', async () => {
    const { ports, auth } = portsFor(4, ['Calendars.ReadWrite', 'MailboxSettings.Read', 'Presence.Read']);
    const caches = new ApiCaches();
    await expect(requireTeamMember(ports, caches, auth, EUROPE)).rejects.toMatchObject({ statusCode: 403, code: 'consent_required' });
    const granted = portsFor(4);
    await expect(requireTeamMember(granted.ports, caches, granted.auth, EUROPE)).resolves.toBeUndefined();
  });
});
