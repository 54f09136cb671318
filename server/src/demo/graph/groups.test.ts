import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDemoTenant } from '../standalone';
import { CUSTOMER_SUCCESS_TEAM_ID, SEED_TEAMS } from '../teams';
import { call, expectGraphError, graphClient, manualClock, startTestTenant } from '../test-support';

const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
const EUROPE = SEED_TEAMS.find((t) => t.displayName === 'Support Europe')!.id;
const UNKNOWN = '00000000-1111-4222-8333-444444444444';

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
});
afterAll(() => demo.close());

const asPerson = async (index: number) => graphClient(demo, (await demo.tenant.graphToken(demo.tenant.org.people[index]!.id)).token);
const check = (graph: Awaited<ReturnType<typeof asPerson>>, groupIds: unknown) =>
  graph('/me/checkMemberGroups', { method: 'POST', json: { groupIds } });

describe('POST /me/checkMemberGroups (teams are Microsoft 365 groups)', () => {
  it('answers the groups of those asked that the signed-in person is a member of', async () => {
    const hannah = await asPerson(4); // Support Europe and Customer Success
    const mateo = await asPerson(1); // Customer Success only
    const answer = await check(hannah, [CUSTOMER_SUCCESS_TEAM_ID, EUROPE, UNKNOWN]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: [CUSTOMER_SUCCESS_TEAM_ID, EUROPE] });
    expect((await check(mateo, [CUSTOMER_SUCCESS_TEAM_ID, EUROPE])).body).toMatchObject({ value: [CUSTOMER_SUCCESS_TEAM_ID] });
    expect((await check(mateo, [UNKNOWN])).body).toMatchObject({ value: [] });
  });

  it('refuses a malformed group id, more than 20 ids, and a body without groupIds', async () => {
    const avery = await asPerson(0);
    expectGraphError(await check(avery, ['19:thread@thread.tacv2']), 400, 'Request_BadRequest');
    expectGraphError(await check(avery, Array.from({ length: 21 }, () => CUSTOMER_SUCCESS_TEAM_ID)), 400, 'Request_BadRequest');
    expectGraphError(await check(avery, undefined), 400, 'Request_BadRequest');
  });

  it('needs User.Read (or a higher permission) in a delegated token, and refuses app-only /me and other people', async () => {
    const avery = demo.tenant.org.people[0]!;
    const calendarOnly = await demo.tenant.identity.issueDelegatedGraphToken(avery, ['Calendars.ReadWrite']);
    // Group membership is a directory read: the directory's refusal, not Outlook's.
    const refused = await check(graphClient(demo, calendarOnly.token), [CUSTOMER_SUCCESS_TEAM_ID]);
    expectGraphError(refused, 403, 'Authorization_RequestDenied');
    expect(refused.body).toMatchObject({ error: { message: 'Insufficient privileges to complete the operation.' } });
    const app = graphClient(demo, (await demo.tenant.appToken()).token);
    expectGraphError(await check(app, [CUSTOMER_SUCCESS_TEAM_ID]), 400, 'BadRequest');
    // The signed-in person's own memberships only: another person's need other permissions.
    const mateo = demo.tenant.org.people[1]!;
    const other = await call(`${demo.graphBaseUrl}/users/${mateo.id}/checkMemberGroups`, {
      method: 'POST', json: { groupIds: [CUSTOMER_SUCCESS_TEAM_ID] }, headers: { authorization: `Bearer ${(await demo.tenant.graphToken(avery.id)).token}` },
    });
    expectGraphError(other, 403, 'ErrorAccessDenied');
  });
});
