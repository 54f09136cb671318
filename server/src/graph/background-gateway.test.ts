import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundGraph } from './background-gateway';
import { ConsentRequiredError } from './errors';
import { startFakeGraph, type FakeGraph } from './fake-graph';
import { loadGraphContract } from './graph-contract';
import { readGraphExample } from './graph-examples';
import { mapPresenceStatus } from './presence-status';
import { TEST_GRAPH_TOKEN } from './test-graph';

const contract = loadGraphContract();
const app = { kind: 'app' as const, getAccessToken: async () => TEST_GRAPH_TOKEN };
const ada = '6d0c3a36-1111-4c2b-9d8e-000000000001';
const bob = '6d0c3a36-1111-4c2b-9d8e-000000000002';
const APP_ID = '22553876-f5ab-4529-bffb-cfe50aa89f87';
let fake: FakeGraph;
let graph: ReturnType<typeof createBackgroundGraph>;

beforeAll(async () => {
  fake = await startFakeGraph();
  graph = createBackgroundGraph({ root: fake.root, appId: APP_ID, retry: { sleep: async () => {} } });
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
