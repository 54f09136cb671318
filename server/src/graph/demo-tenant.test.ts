import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoGraphTokensOptions, demoIdentitySettings } from '../auth/demo-identity';
import { createGraphTokens, type GraphTokens } from '../auth/graph-tokens';
import { createTokenValidator } from '../auth/token-validator';
import { demoTokenValidatorOptions } from '../auth/validator-presets';
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from '../demo/constants';
import type { DemoPerson } from '../demo/org';
import { startDemoTenant, type RunningDemoTenant } from '../demo/standalone';
import { createBackgroundGraph } from './background-gateway';
import { ConsentRequiredError } from './errors';
import { appContext, createGraphGateway, demoGraphRoot, personContext, type GraphGateway } from './gateway';
import type { PersonContext } from './graph-client';
import { transactionIdFor } from './events';
import { DEFAULT_RETRY_POLICY } from './retry';

/**
 * The gateway and token acquisition against the real demo tenant over loopback HTTP: MSAL runs
 * for real against the demo identity's token endpoint, the gateway against the demo Graph.
 * Retry waits are recorded instead of slept, so fault tests stay fast.
 */
const NOW = Date.now();
const DAY = 86_400_000;
const WEEK = { start: NOW - 3 * DAY, end: NOW + 4 * DAY };

let demo: RunningDemoTenant;
let tokens: GraphTokens;
let gateway: GraphGateway;
let sleeps: number[] = [];
let person: DemoPerson;

async function stats(): Promise<{ graphRequests: number; graphSubRequests: number; throttled: number; tokenRequests: number }> {
  return (await fetch(`${demo.baseUrl}/demo/stats`)).json() as Promise<{ graphRequests: number; graphSubRequests: number; throttled: number; tokenRequests: number }>;
}

async function ssoToken(userId: string): Promise<string> {
  const response = await fetch(`${demo.baseUrl}/demo/identity/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * A person context with the delegated Graph token the demo identity would return from
 * on-behalf-of, so these tests measure the gateway alone (the MSAL exchange is tested above).
 */
function graphContext(userId: string): PersonContext {
  return { kind: 'person', getAccessToken: async () => (await demo.tenant.graphToken(userId)).token };
}

beforeAll(async () => {
  demo = await startDemoTenant({ faultSeed: 'graph-gateway-tests' });
  const baseUrl = () => demo.baseUrl;
  tokens = createGraphTokens(demoGraphTokensOptions(baseUrl));
  gateway = createGraphGateway({ root: demoGraphRoot(baseUrl), retry: { sleep: async (ms) => { sleeps.push(ms); } } });
  person = demo.tenant.org.people.find((p) => !p.consentRequired)!;
});

afterAll(() => demo.close());

beforeEach(async () => {
  sleeps = [];
  demo.tenant.setFaults({ rate429: 0, rate503: 0, latencyMs: 0 });
  await fetch(`${demo.baseUrl}/demo/stats`, { method: 'DELETE' });
});

describe('auth against the demo identity', () => {
  it("validates the demo identity's SSO token exactly as an Entra one (JWKS fetched over HTTP)", async () => {
    const validator = createTokenValidator(demoTokenValidatorOptions(demoIdentitySettings(() => demo.baseUrl)));
    const caller = await validator.validate(await ssoToken(person.id));
    expect(caller).toMatchObject({ tenantId: DEMO_TENANT_ID, userId: person.id, upn: person.userPrincipalName, isAdmin: person.admin });
  });

  it('exchanges the SSO token on behalf of the person with MSAL (one token request, then its cache)', async () => {
    const sso = await ssoToken(person.id);
    const graphTokens = createGraphTokens(demoGraphTokensOptions(() => demo.baseUrl));
    const first = await graphTokens.onBehalfOf(DEMO_TENANT_ID, sso);
    expect(first.split('.')).toHaveLength(3);
    await expect(graphTokens.onBehalfOf(DEMO_TENANT_ID, sso)).resolves.toBe(first);
    expect((await stats()).tokenRequests).toBe(1);
  });

  it('reports missing consent as ConsentRequiredError at once (one token request, no waiting)', async () => {
    const unconsented = demo.tenant.org.people.find((p) => p.consentRequired)!;
    const error = await tokens.onBehalfOf(DEMO_TENANT_ID, await ssoToken(unconsented.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(sleeps).toEqual([]);
    expect((await stats()).tokenRequests).toBe(1);
  });

  it('gets an app-only token with client credentials', async () => {
    const token = await createGraphTokens(demoGraphTokensOptions(() => demo.baseUrl)).appOnly(DEMO_TENANT_ID);
    expect(token.split('.')).toHaveLength(3);
  });
});

describe('end to end: SSO token → on-behalf-of with MSAL → one $batch', () => {
  it("loads the person's tab data with a Graph token MSAL obtained from the demo identity", async () => {
    const context = personContext(tokens, DEMO_TENANT_ID, await ssoToken(person.id));
    const data = await gateway.loadTabData(context, WEEK);
    expect(data.events.length).toBeGreaterThan(0);
    expect(await stats()).toMatchObject({ graphRequests: 1, tokenRequests: 1 });
  });
});

describe('the gateway against the demo Graph', () => {
  it("costs exactly one Graph request per tab load and returns the person's week in domain types", async () => {
    const data = await gateway.loadTabData(graphContext(person.id), WEEK);
    // calendarView, workingHours, timeZone and presence: four parts of one $batch.
    expect(await stats()).toMatchObject({ graphRequests: 1, graphSubRequests: 4 });
    expect(data.events.length).toBeGreaterThan(5);
    for (const event of data.events) {
      expect(event.end).toBeGreaterThanOrEqual(event.start);
      expect(event.end > WEEK.start && event.start < WEEK.end).toBe(true);
    }
    expect(data.workingHours).toMatchObject({ startTime: person.startTime, endTime: person.endTime, timeZone: { kind: 'windows', name: 'Pacific Standard Time' } });
    expect(data.presence).not.toBeNull();
  });

  it('maps the custom-zone person and the night shift', async () => {
    const custom = demo.tenant.org.people.find((p) => p.givenName === 'Sofia')!;
    const night = demo.tenant.org.people.find((p) => p.givenName === 'Noah')!;
    const customData = await gateway.loadTabData(graphContext(custom.id), WEEK);
    expect(customData.workingHours.timeZone.kind).toBe('custom');
    const nightData = await gateway.loadTabData(graphContext(night.id), WEEK);
    expect(nightData.workingHours).toMatchObject({ startTime: '22:00:00', endTime: '06:00:00' });
  });

  it('still loads with 30% of Graph calls answering 429, honouring Retry-After, with bounded retries', async () => {
    demo.tenant.setFaults({ rate429: 0.3, retryAfterSeconds: 1 });
    const contexts = demo.tenant.org.people.map((p) => graphContext(p.id));

    const loads = 3 * contexts.length;
    let retried = 0;
    for (let i = 0; i < loads; i += 1) {
      sleeps = [];
      const before = (await stats()).graphRequests;
      const data = await gateway.loadTabData(contexts[i % contexts.length]!, WEEK);
      expect(data.events.length).toBeGreaterThan(0);
      // Bounded per load: every retry is one more request, within the retry count and total wait.
      const requests = (await stats()).graphRequests - before;
      expect(requests).toBe(1 + sleeps.length);
      expect(sleeps.length).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxRetries);
      expect(sleeps.every((ms) => ms === 1000)).toBe(true); // each wait is the Retry-After
      if (sleeps.length > 0) retried += 1;
    }
    const after = await stats();
    expect(after.throttled).toBeGreaterThan(loads * 0.3); // the faults really happened (requests and parts)
    expect(retried).toBeGreaterThan(loads / 3);
  });

  it('books a block once per transaction id and finds it as an Unplug block', async () => {
    const context = graphContext(person.id);
    const start = Math.ceil((NOW + 2 * DAY) / 3_600_000) * 3_600_000;
    const input = { start, end: start + 45 * 60_000, subject: 'Unplugged', showAs: 'busy' as const, transactionId: transactionIdFor(`test-${person.id}-${start}`) };
    const first = await gateway.createBlockEvent(context, input);
    const again = await gateway.createBlockEvent(context, input);
    expect(again.eventId).toBe(first.eventId);
    // Exchange may instead refuse the repeat with ErrorDuplicateTransactionId: the event is found by its transaction id.
    demo.tenant.setFaults({ duplicateTransactionId: 'error' });
    try {
      expect((await gateway.createBlockEvent(context, input)).eventId).toBe(first.eventId);
    } finally {
      demo.tenant.setFaults({ duplicateTransactionId: 'existing' });
    }
    const data = await gateway.loadTabData(context, WEEK);
    const booked = data.events.filter((e) => e.id === first.eventId);
    expect(booked).toEqual([{ id: first.eventId, start: input.start, end: input.end, showAs: 'busy', isCancelled: false, response: 'organizer', isUnplugBlock: true }]);
  });

  it('deletes a block it booked (204), and finds nothing to delete the second time or in another person’s calendar (404)', async () => {
    // DELETE /me/events/{id}: Calendars.ReadWrite, 204 No Content — https://learn.microsoft.com/en-us/graph/api/event-delete
    const context = graphContext(person.id);
    const start = Math.ceil((NOW + 3 * DAY) / 3_600_000) * 3_600_000;
    const { eventId } = await gateway.createBlockEvent(context, { start, end: start + 30 * 60_000, subject: 'Unplugged', showAs: 'busy', transactionId: transactionIdFor(`undo-${person.id}-${start}`) });
    const someoneElse = demo.tenant.org.people.find((p) => p.id !== person.id)!;
    await expect(gateway.deleteBlockEvent(graphContext(someoneElse.id), eventId)).resolves.toEqual({ deleted: false });
    await expect(gateway.deleteBlockEvent(context, eventId)).resolves.toEqual({ deleted: true });
    expect((await gateway.loadTabData(context, WEEK)).events.some((e) => e.id === eventId)).toBe(false);
    await expect(gateway.deleteBlockEvent(context, eventId)).resolves.toEqual({ deleted: false });
  });

  it('reads everyone’s presence app-only and sets and clears status and the app presence session', async () => {
    const app = appContext(tokens, DEMO_TENANT_ID);
    const ids = demo.tenant.org.people.map((p) => p.id);
    const presences = await gateway.getPresencesByUserId(app, ids);
    expect(presences.map((p) => p.userId).sort()).toEqual([...ids].sort());
    await fetch(`${demo.baseUrl}/demo/stats`, { method: 'DELETE' });
    await gateway.setStatusMessage(app, person.id, { message: 'Unplugged until 15:30', expiresAt: NOW + 3_600_000 });
    const background = createBackgroundGraph({ root: demoGraphRoot(() => demo.baseUrl)(), appId: DEMO_CLIENT_ID });
    await background.setAppPresence(app, person.id, 'DoNotDisturb', 60);
    expect(demo.tenant.presence.at(person, NOW)).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    await background.clearAppPresence(app, person.id);
    await background.clearAppPresence(app, person.id); // gone already: Graph's 404 is no failure
    // Each accepted (a refusal would have thrown).
    expect((await stats()).graphRequests).toBe(4);
  });

  it('follows calendarView delta to a deltaLink and picks up a new block in the next round', async () => {
    const context = graphContext(person.id);
    const first = await gateway.calendarDelta(context, { window: WEEK });
    expect(first.changed.length).toBeGreaterThan(0);
    const start = Math.ceil((NOW + DAY) / 3_600_000) * 3_600_000 + 30 * 60_000;
    const { eventId } = await gateway.createBlockEvent(context, { start, end: start + 30 * 60_000, subject: 'Unplugged', showAs: 'busy', transactionId: transactionIdFor(`delta-${start}`) });
    const next = await gateway.calendarDelta(context, { deltaLink: first.deltaLink });
    expect(next.changed.map((e) => e.id)).toContain(eventId);
  });
});
