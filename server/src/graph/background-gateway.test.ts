import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundGraph } from './background-gateway';
import { ConsentRequiredError } from './errors';
import { startFakeGraph, type FakeGraph } from './fake-graph';
import { loadGraphContract } from './graph-contract';
import { readGraphExample } from './graph-examples';
import { mapPresenceStatus } from './presence-status';
import { parseNotifications, presenceResource } from './subscriptions';
import { TEST_GRAPH_TOKEN } from './test-graph';

const contract = loadGraphContract();
const app = { kind: 'app' as const, getAccessToken: async () => TEST_GRAPH_TOKEN };
const ada = '6d0c3a36-1111-4c2b-9d8e-000000000001';
const bob = '6d0c3a36-1111-4c2b-9d8e-000000000002';
let fake: FakeGraph;
let graph: ReturnType<typeof createBackgroundGraph>;

beforeAll(async () => {
  fake = await startFakeGraph();
  graph = createBackgroundGraph({ root: fake.root, retry: { sleep: async () => {} } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function expectContract(): void {
  for (const request of fake.requests) expect(contract.problems(request)).toEqual([]);
}

describe('presence with status messages', () => {
  it("maps Microsoft's published presence, message included", () => {
    const status = mapPresenceStatus(readGraphExample('presence-get-statusmessage-response.json'), 'presence');
    expect(status).toEqual({ userId: 'fa8bf3dc-eca7-46b7-bad1-db199b62afc3', availability: 'Available', activity: 'Available', statusMessage: 'Hey I am available now' });
  });

  it('reads no message as null, an html one as its text, and asks once per 650 ids', async () => {
    fake.handle((request) => ({
      status: 200,
      body: {
        value: (request.body as { ids: string[] }).ids.map((id) => ({
          id, availability: 'Away', activity: 'Away',
          statusMessage: id === ada ? { message: { content: '<p>Back at <b>4</b></p>', contentType: 'html' } } : null,
        })),
      },
    }));
    const statuses = await graph.getPresenceStatuses(app, [ada, bob, ada]);
    expect(statuses).toEqual([
      { userId: ada, availability: 'Away', activity: 'Away', statusMessage: 'Back at 4' },
      { userId: bob, availability: 'Away', activity: 'Away', statusMessage: null },
    ]);
    expect(fake.requests).toHaveLength(1);
    expectContract();
  });
});

describe('status writes', () => {
  it('clears a status message with an empty one, as Graph expects', async () => {
    fake.handle(() => ({ status: 200 }));
    await graph.clearStatusMessage(app, ada);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: `/users/${ada}/presence/setStatusMessage`, body: { statusMessage: { message: { content: '' } } } });
    expectContract();
  });

  it('turns a 403 for a missing application permission into consent_required', async () => {
    fake.handle(() => ({ status: 403, body: { error: { code: 'Forbidden', message: "Missing role permissions on the request. API requires one of 'Presence.ReadWrite.All'. Roles on the request ''." } } }));
    await expect(graph.setStatusMessage(app, ada, { message: 'x', expiresAt: Date.parse('2026-03-02T15:30:00Z') })).rejects.toBeInstanceOf(ConsentRequiredError);
  });
});

describe('presence subscriptions', () => {
  it('creates, renews and deletes as the contract describes', async () => {
    fake.handle((request) => request.method === 'DELETE'
      ? { status: 204 }
      : { status: request.method === 'POST' ? 201 : 200, body: { id: 'sub-1', expirationDateTime: '2026-03-02T10:00:00Z', resource: 'x', changeType: 'updated', notificationUrl: 'https://x' } });
    const created = await graph.createPresenceSubscription(app, {
      userIds: [ada, bob], notificationUrl: 'https://unplug.contoso.com/notifications/graph', lifecycleNotificationUrl: 'https://unplug.contoso.com/notifications/graph/lifecycle',
      clientState: 'secret', expiresAt: Date.parse('2026-03-02T10:00:00Z'),
    });
    expect(created).toEqual({ id: 'sub-1', expiresAt: Date.parse('2026-03-02T10:00:00Z') });
    expect(fake.requests[0]!.body).toMatchObject({ changeType: 'updated', resource: `/communications/presences?$filter=id in ('${ada}','${bob}')`, clientState: 'secret' });
    await graph.renewSubscription(app, 'sub-1', Date.parse('2026-03-02T10:30:00Z'));
    expect(fake.requests[1]).toMatchObject({ method: 'PATCH', url: '/subscriptions/sub-1', body: { expirationDateTime: '2026-03-02T10:30:00.000Z' } });
    await graph.deleteSubscription(app, 'sub-1');
    expect(fake.requests[2]).toMatchObject({ method: 'DELETE', url: '/subscriptions/sub-1' });
    expectContract();
  });

  it('treats deleting a subscription Graph no longer has as done', async () => {
    fake.handle(() => ({ status: 404, body: { error: { code: 'ResourceNotFound', message: 'The object was not found.' } } }));
    await expect(graph.deleteSubscription(app, 'gone')).resolves.toBeUndefined();
  });

  it('allows 1 to 650 people in one subscription', () => {
    expect(() => presenceResource([])).toThrow(RangeError);
    expect(() => presenceResource(Array.from({ length: 651 }, (_, i) => `id-${i}`))).toThrow(RangeError);
  });
});

describe('parseNotifications', () => {
  it("reads Microsoft's published presence and lifecycle notifications", () => {
    const [change] = parseNotifications(readGraphExample('changenotification-presence-basic.json'));
    expect(change).toMatchObject({ subscriptionId: '{Subscription id}', clientState: '{secret client state}', lifecycleEvent: undefined, userId: '{User Id}' });
    expect(parseNotifications(readGraphExample('lifecycle-notification.json'))[0]).toMatchObject({ lifecycleEvent: 'reauthorizationRequired', subscriptionId: 'e3898f08-5cd0-4a6a-80fc-6addbfb73b7b' });
    expect(parseNotifications(readGraphExample('lifecycle-notification-missed.json'))[0]?.lifecycleEvent).toBe('missed');
    expect(parseNotifications(readGraphExample('lifecycle-notification-subscriptionremoved.json'))[0]?.lifecycleEvent).toBe('subscriptionRemoved');
  });

  it('drops an unreadable item but keeps the rest, and takes the person from the resource when resourceData has no id', () => {
    const parsed = parseNotifications({ value: [{ clientState: 'x' }, { subscriptionId: 's', resource: `communications/presences/${ada}` }] });
    expect(parsed).toEqual([{ subscriptionId: 's', clientState: undefined, tenantId: undefined, lifecycleEvent: undefined, userId: ada }]);
    expect(() => parseNotifications({ nope: 1 })).toThrow();
  });
});
