import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDemoTenant } from './standalone';
import { expectGraphError, graphClient, startTestTenant } from './test-support';

/**
 * The demo tenant's presence subscriptions as a subscriber meets them: the validation request,
 * Graph's limits on a presence subscription, and notifications posted when presence changes.
 */
let demo: RunningDemoTenant;
let endpoint: Server;
let endpointUrl: string;
let answerValidation = true;
const received: { query: string; body: string; contentType: string }[] = [];
let graph: ReturnType<typeof graphClient>;
let ids: string[];

beforeAll(async () => {
  demo = await startTestTenant({ clock: Date.now, seedNow: Date.now(), subscriptionSweepMs: 0 });
  // Presence subscriptions are delegated only (Presence.Read.All): a person's token makes them.
  // Unplug does not subscribe at all; the demo still answers as Graph does.
  graph = graphClient(demo, (await demo.tenant.identity.issueDelegatedGraphToken(demo.tenant.org.people[0]!, ['Presence.Read.All'])).token);
  ids = demo.tenant.org.people.slice(0, 3).map((p) => p.id);
  endpoint = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      received.push({ query: url.search, body, contentType: req.headers['content-type'] ?? '' });
      const token = url.searchParams.get('validationToken');
      if (token !== null) res.writeHead(200, { 'content-type': 'text/plain' }).end(answerValidation ? token : 'something else');
      else res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  endpoint.close();
  await demo.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  changeType: 'updated',
  notificationUrl: endpointUrl,
  lifecycleNotificationUrl: endpointUrl,
  resource: `/communications/presences?$filter=id in (${ids.map((id) => `'${id}'`).join(',')})`,
  expirationDateTime: new Date(Date.now() + 59 * 60_000).toISOString(),
  clientState: 'secret',
  ...over,
});

describe('demo presence subscriptions', () => {
  it('validates the endpoint, then posts basic notifications with the clientState when presence changes', async () => {
    const created = await graph('/subscriptions', { method: 'POST', json: body() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ changeType: 'updated', clientState: 'secret', notificationUrl: endpointUrl });
    expect(received[0]!.query).toMatch(/^\?validationToken=/);

    received.length = 0;
    demo.tenant.presence.setPreferredPresence(demo.tenant.person(ids[1]!), { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expiresAt: Date.now() + 3_600_000 });
    demo.tenant.presence.setStatusMessage(demo.tenant.person(ids[1]!), { content: 'focus', contentType: 'text', expiresAt: undefined, expiryTimeZone: 'UTC', publishedAt: Date.now() });
    await demo.tenant.subscriptions.sweep();
    const posted = received.map((r) => JSON.parse(r.body) as { value: { subscriptionId: string; clientState: string; resourceData: { id: string } }[] });
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.flatMap((p) => p.value).every((n) => n.subscriptionId === created.body.id && n.clientState === 'secret' && n.resourceData.id === ids[1])).toBe(true);

    const renewed = await graph(`/subscriptions/${String(created.body.id)}`, { method: 'PATCH', json: { expirationDateTime: new Date(Date.now() + 30 * 60_000).toISOString() } });
    expect(renewed.status).toBe(200);
    expect((await graph(`/subscriptions/${String(created.body.id)}`, { method: 'DELETE' })).status).toBe(204);
    expectGraphError(await graph(`/subscriptions/${String(created.body.id)}`), 404, 'ResourceNotFound');
  });

  it.each([
    ['an endpoint that does not echo the token', () => { answerValidation = false; return body(); }, 'ValidationError'],
    ['more than 650 people', () => body({ resource: `/communications/presences?$filter=id in (${Array.from({ length: 651 }, (_, i) => `'00000000-0000-0000-0000-${String(i).padStart(12, '0')}'`).join(',')})` }), 'InvalidRequest'],
    ['an expiry over an hour away', () => body({ expirationDateTime: new Date(Date.now() + 2 * 3_600_000).toISOString() }), 'InvalidRequest'],
    ['a plain-http endpoint off loopback', () => body({ notificationUrl: 'http://unplug.example.com/hook' }), 'InvalidRequest'],
    ['another change type', () => body({ changeType: 'created' }), 'InvalidRequest'],
  ])('refuses %s', async (_name, make, code) => {
    answerValidation = true;
    expectGraphError(await graph('/subscriptions', { method: 'POST', json: make() }), 400, code);
    answerValidation = true;
  });
});
