import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../org';
import type { RunningDemoTenant } from '../standalone';
import { call, expectGraphError, graphClient, manualClock, startTestTenant } from '../test-support';

// https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification
const clock = manualClock(Date.parse('2025-03-05T17:00:00Z'));
let demo: RunningDemoTenant;
let avery: DemoPerson;
let mateo: DemoPerson;
let notInstalled: DemoPerson;
let app: ReturnType<typeof graphClient>;

const WEB_URL = 'https://teams.microsoft.com/l/entity/c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef/unplug?context=%7B%22subEntityId%22%3A%22balance%22%7D';
const valid = () => ({
  topic: { source: 'text', value: 'Unplug', webUrl: WEB_URL },
  activityType: 'longDay',
  previewText: { content: 'Connected 8 h today.' },
  templateParameters: [{ name: 'hours', value: '8 h' }],
});
const send = (person: DemoPerson, json: unknown, client = app) => client(`/users/${person.id}/teamwork/sendActivityNotification`, { method: 'POST', json });
const feed = async (userId: string) => call<{ userId: string; value: { activityType: string; text: string; previewText: string | null; createdDateTime: string; chainId: number | null }[] }>(`${demo.baseUrl}/demo/teams/activity?userId=${encodeURIComponent(userId)}`);

beforeAll(async () => {
  demo = await startTestTenant({ clock: clock.now });
  [avery, mateo] = demo.tenant.org.people as [DemoPerson, DemoPerson];
  notInstalled = demo.tenant.org.people.find((p) => p.consentRequired) as DemoPerson;
  app = graphClient(demo, (await demo.tenant.appToken()).token);
});
afterAll(() => demo.close());
beforeEach(() => {
  demo.tenant.setFaults({ latencyMs: 0, rate429: 0, rate503: 0, retryAfterSeconds: 1, batchParts: true });
});

describe('sendActivityNotification (user)', () => {
  it('delivers to the person\'s feed with 204, rendering the declared template; the feed is newest first', async () => {
    const first = await send(avery, valid());
    expect(first.status).toBe(204);
    expect(first.body).toBeUndefined();
    clock.advance(60_000);
    expect((await send(avery, { ...valid(), activityType: 'startingSoon', templateParameters: [{ name: 'what', value: 'Your quiet time' }, { name: 'time', value: '17:30' }] })).status).toBe(204);
    const shown = await feed(avery.userPrincipalName);
    expect(shown.status).toBe(200);
    expect(shown.body.userId).toBe(avery.id);
    expect(shown.body.value.slice(0, 2).map((e) => e.text)).toEqual(['Your quiet time starts at 17:30', 'Long connected day (8 h): a suggestion for tomorrow']);
    expect(shown.body.value[1]).toMatchObject({ previewText: 'Connected 8 h today.', createdDateTime: '2025-03-05T17:00:00.000Z' });
  });

  it('a notification with the chainId of an earlier one replaces it', async () => {
    await send(mateo, { ...valid(), chainId: 7 });
    await send(mateo, { ...valid(), chainId: 7, templateParameters: [{ name: 'hours', value: '9 h' }] });
    const shown = (await feed(mateo.id)).body.value.filter((e) => e.chainId === 7);
    expect(shown.map((e) => e.text)).toEqual(['Long connected day (9 h): a suggestion for tomorrow']);
  });

  it('takes the reserved systemDefault type with its free text', async () => {
    expect((await send(avery, { ...valid(), activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'Take a break' }] })).status).toBe(204);
    expect((await feed(avery.id)).body.value[0]?.text).toBe('Take a break');
  });

  it.each([
    ['no body', undefined, /topic/],
    ['no topic', { activityType: 'longDay' }, /topic/],
    ['a text topic without webUrl', { ...valid(), topic: { source: 'text', value: 'Unplug' } }, /webUrl/],
    ['an http webUrl', { ...valid(), topic: { source: 'text', value: 'Unplug', webUrl: 'http://example.com/' } }, /https/],
    ['an unknown topic source', { ...valid(), topic: { source: 'url', value: 'x' } }, /entityUrl or text/],
    ['an entityUrl that is no app installation', { ...valid(), topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/me' } }, /teamsAppInstallation/],
    ['an activity type the manifest does not declare', { ...valid(), activityType: 'taskCreated' }, /not declared/],
    ['a missing template parameter', { ...valid(), templateParameters: [] }, /'hours'/],
    ['systemDefault without its text', { ...valid(), activityType: 'systemDefault', templateParameters: [] }, /systemDefaultText/],
    ['malformed template parameters', { ...valid(), templateParameters: { hours: '8 h' } }, /templateParameters/],
    ['a preview that is not an itemBody', { ...valid(), previewText: 'hi' }, /previewText/],
    ['a fractional chainId', { ...valid(), chainId: 1.5 }, /chainId/],
    ['a parameter of the team endpoint', { ...valid(), recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: 'x' } }, /'recipient'/],
  ])('refuses %s with 400', async (_name, json, message) => {
    const response = await send(avery, json);
    expectGraphError(response, 400, 'BadRequest');
    expect((response.body as { error: { message: string } }).error.message).toMatch(message);
  });

  it('refuses a person the Teams app is not installed for (no consent) with 403', async () => {
    const before = (await feed(notInstalled.id)).body.value.length;
    const response = await send(notInstalled, valid());
    expectGraphError(response, 403, 'Forbidden');
    expect((response.body as { error: { message: string } }).error.message).toMatch(/not installed/);
    expect((await feed(notInstalled.id)).body.value.length).toBe(before);
  });

  it('needs TeamsActivity.Send: an app token without the role gets 403', async () => {
    const before = (await feed(avery.id)).body.value.length;
    const bare = graphClient(demo, (await demo.tenant.identity.issueApplicationGraphToken(['Presence.ReadWrite.All'])).token);
    const refused = await send(avery, valid(), bare);
    // The Teams workload's wording: the roles the API takes, and those the token holds.
    expectGraphError(refused, 403, 'Forbidden');
    expect((refused.body as { error: { message: string } }).error.message)
      .toBe("Missing role permissions on the request. API requires one of 'TeamsActivity.Send'. Roles on the request 'Presence.ReadWrite.All'.");
    expect((await feed(avery.id)).body.value.length).toBe(before);
  });

  it('delegated: needs the TeamsActivity.Send scope, and a person cannot notify themselves, only others', async () => {
    const unscoped = graphClient(demo, (await demo.tenant.identity.issueDelegatedGraphToken(avery, ['User.Read', 'Calendars.ReadWrite'])).token);
    const refused = await unscoped(`/users/${mateo.id}/teamwork/sendActivityNotification`, { method: 'POST', json: valid() });
    expectGraphError(refused, 403, 'Forbidden');
    expect((refused.body as { error: { message: string } }).error.message)
      .toBe("Missing scope permissions on the request. API requires one of 'TeamsActivity.Send'. Scopes on the request 'User.Read, Calendars.ReadWrite'");
    const scoped = graphClient(demo, (await demo.tenant.identity.issueDelegatedGraphToken(avery, ['User.Read', 'TeamsActivity.Send'])).token);
    const self = await scoped('/me/teamwork/sendActivityNotification', { method: 'POST', json: valid() });
    expectGraphError(self, 400, 'BadRequest');
    expect((self.body as { error: { message: string } }).error.message).toMatch(/themselves/);
    const before = (await feed(mateo.id)).body.value.length;
    expect((await send(mateo, { ...valid(), chainId: 41 }, scoped)).status).toBe(204);
    expect((await feed(mateo.id)).body.value.length).toBe(before + 1);
    // The app must still be installed for the recipient.
    expectGraphError(await send(notInstalled, valid(), scoped), 403, 'Forbidden');
  });

  it('is throttled like any Graph call', async () => {
    demo.tenant.setFaults({ rate429: 1, retryAfterSeconds: 2 });
    const response = await send(avery, valid());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('the feed route names a bad or unknown person clearly', async () => {
    expect((await call(`${demo.baseUrl}/demo/teams/activity`)).status).toBe(400);
    expect((await call(`${demo.baseUrl}/demo/teams/activity?userId=nobody`)).status).toBe(404);
  });
});
