import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusMessageText } from '../../../server/src/domain/status/status-message';
import { quietWindows } from '../../../server/src/domain/suggestions/quiet-time';
import { quietWindowRepository } from '../../../server/src/store/repositories/quiet-window-repository';
import { zoneOrUtc } from '../../../server/src/domain/time/resolve-time-zone';
import { IanaZone } from '../../../server/src/domain/time/zone';
import type { DayOfWeek } from '../../../server/src/domain/types';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { peopleRepository } from '../../../server/src/store/repositories/people-repository';
import { startJobsHarness, type JobsHarness } from './jobs-harness';

/**
 * The automatic status end to end, against the strict demo tenant (it grants the app exactly
 * what aad.manifest.json asks for: no mailbox access): blocks and quiet windows from the store,
 * working hours as the tab stored them (read with the person's own token when they opened it),
 * presence read as the app, status messages and preferred presence written there — and a
 * person's own status never overwritten.
 */
const TEMPLATE = 'Unplugged until {until} — urgent? call me';
const MINUTE = 60_000;
let h: JobsHarness;
const writes: { kind: string; personId: string; content?: string }[] = [];
let ownMessage: (person: DemoPerson, content: string) => void;
/** The person picks a presence in Teams themselves (their preferred presence). */
let ownPresence: (person: DemoPerson, availability: string) => void;

const writesFor = (personId: string, kind?: string) => writes.filter((w) => w.personId === personId && (!kind || w.kind === kind));
const shown = (person: DemoPerson) => h.tenant.presence.at(person, h.tenant.clock()).statusMessage?.content;

/** As in the tab: the person opens it (which stores their working hours), then turns it on. */
async function autoStatus(person: DemoPerson, quietTime: Record<string, unknown>): Promise<void> {
  expect((await h.api(person.id, 'GET', '/api/me/balance')).status).toBe(200);
  await peopleRepository(h.store.db).saveQuietTime({ tenantId: h.tenant.org.tenantId, userId: person.id }, { autoStatus: true, statusMessage: TEMPLATE, ...quietTime }, new Date(h.tenant.clock()));
}

async function acceptedBlock(person: DemoPerson, start: number, end: number): Promise<void> {
  await h.store.db.insertInto('suggestion_state').values({
    tenant_id: h.tenant.org.tenantId, user_id: person.id, suggestion_id: `sg_${person.index}_${start}`, state: 'accepted', kind: 'disconnect-block',
    start_at: new Date(start), end_at: new Date(end), event_id: `event-${start}`,
  }).execute();
}

beforeAll(async () => {
  h = await startJobsHarness();
  const presence = h.tenant.presence;
  const setMessage = presence.setStatusMessage.bind(presence);
  const setPreferred = presence.setPreferredPresence.bind(presence);
  const clearPreferred = presence.clearPreferredPresence.bind(presence);
  const setSession = presence.setAppSession.bind(presence);
  const clearSession = presence.clearAppSession.bind(presence);
  ownMessage = (person, content) => setMessage(person, { content, contentType: 'text', expiresAt: undefined, expiryTimeZone: 'UTC', publishedAt: h.tenant.clock() });
  ownPresence = (person, availability) => setPreferred(person, { availability, activity: availability, expiresAt: h.tenant.clock() + 86_400_000 });
  presence.setAppSession = (person, sessionId, session) => {
    writes.push({ kind: `setAppSession:${session.availability}`, personId: person.id });
    setSession(person, sessionId, session);
  };
  presence.clearAppSession = (person, sessionId, instant) => {
    writes.push({ kind: 'clearAppSession', personId: person.id });
    return clearSession(person, sessionId, instant);
  };
  presence.setStatusMessage = (person, message) => {
    writes.push({ kind: message ? 'setStatusMessage' : 'clearStatusMessage', personId: person.id, ...(message ? { content: message.content } : {}) });
    setMessage(person, message);
  };
  presence.setPreferredPresence = (person, preferred) => {
    writes.push({ kind: `setPreferredPresence:${preferred.availability}`, personId: person.id });
    setPreferred(person, preferred);
  };
  presence.clearPreferredPresence = (person) => {
    writes.push({ kind: 'clearPreferredPresence', personId: person.id });
    clearPreferred(person);
  };
});
afterAll(() => h?.close());

describe('automatic status for an accepted block', () => {
  it("sets the person's text with the end time in their zone, and the chosen presence, once", async () => {
    const priya = h.tenant.org.people.find((p) => p.givenName === 'Priya')!;
    await autoStatus(priya, { enabled: false, preferredPresence: 'DoNotDisturb' });
    const start = h.now() - MINUTE;
    const end = h.now() + 45 * MINUTE;
    await acceptedBlock(priya, start, end);

    await h.runNow(PERIODIC.status);
    const expected = statusMessageText(TEMPLATE, end, new IanaZone('Asia/Kolkata'), h.now());
    expect(expected).toMatch(/^Unplugged until \d\d:\d\d — urgent\? call me$/);
    expect(shown(priya)).toBe(expected);
    expect(h.tenant.presence.at(priya, h.tenant.clock()).statusMessage?.expiresAt).toBe(Math.floor(end / 1000) * 1000);
    // Unplug's own presence session, not Priya's preferred presence.
    expect(writesFor(priya.id).map((w) => w.kind)).toEqual(['setStatusMessage', 'setAppSession:DoNotDisturb']);
    expect(h.tenant.presence.at(priya, h.tenant.clock())).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });

    const status = await h.api(priya.id, 'GET', '/api/me/status');
    expect(status.body).toEqual({ enabled: true, available: true, reason: null, current: { kind: 'block', until: new Date(end).toISOString(), message: expected, state: 'set' } });

    await h.runNow(PERIODIC.status);
    expect(writesFor(priya.id)).toHaveLength(2);
  });

  it('clears what it set when the block ends', async () => {
    const priya = h.tenant.org.people.find((p) => p.givenName === 'Priya')!;
    h.advance(50 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(shown(priya)).toBeUndefined();
    // Our presence session is removed (Graph's 404 if it had expired on time is no failure).
    expect(writesFor(priya.id).map((w) => w.kind).slice(2)).toEqual(['clearStatusMessage', 'clearAppSession']);
    expect(h.tenant.presence.appSessionsAt(priya, h.tenant.clock())).toEqual([]);
  });

  it("never overwrites a status message the person set themselves, before or during the block", async () => {
    const [arjun, chloe] = ['Arjun', 'Chloe'].map((name) => h.tenant.org.people.find((p) => p.givenName === name)!) as [DemoPerson, DemoPerson];
    for (const p of [arjun, chloe]) {
      await autoStatus(p, { enabled: false });
      await acceptedBlock(p, h.now() - MINUTE, h.now() + 30 * MINUTE);
    }
    ownMessage(arjun, 'At the dentist, back at 4');
    await h.runNow(PERIODIC.status);
    expect(shown(arjun)).toBe('At the dentist, back at 4');
    expect(writesFor(arjun.id)).toEqual([]);
    expect((await h.api(arjun.id, 'GET', '/api/me/status')).body.current).toMatchObject({ state: 'left' });
    expect(writesFor(chloe.id, 'setStatusMessage')).toHaveLength(1);

    ownMessage(chloe, 'Actually around, ping me');
    h.advance(35 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(shown(chloe)).toBe('Actually around, ping me');
    expect(writesFor(chloe.id, 'clearStatusMessage')).toEqual([]);
  });
});

describe("the automatic status and the person's own presence", () => {
  it('keeps a Do Not Disturb the person chose themselves through the start and the end of a block', async () => {
    const sofia = h.tenant.org.people.find((p) => p.givenName === 'Sofia')!;
    ownPresence(sofia, 'DoNotDisturb');
    await autoStatus(sofia, { enabled: false, preferredPresence: 'Away' });
    await acceptedBlock(sofia, h.now() - MINUTE, h.now() + 45 * MINUTE);

    await h.runNow(PERIODIC.status);
    expect(writesFor(sofia.id).map((w) => w.kind)).toEqual(['setStatusMessage', 'setAppSession:Away']);
    // Hers shows over ours (and our session counts as one, so it shows even if she is signed out).
    expect(h.tenant.presence.at(sofia, h.tenant.clock())).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });

    h.advance(50 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(writesFor(sofia.id).map((w) => w.kind).slice(2)).toEqual(['clearStatusMessage', 'clearAppSession']);
    // Nothing of Unplug's ever touched her own choice: it is still there, as she set it.
    expect(writesFor(sofia.id).some((w) => w.kind.includes('PreferredPresence'))).toBe(false);
    expect(h.tenant.presence.preferredOf(sofia)).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    h.tenant.presence.clearPreferredPresence(sofia);
  });

  it('gives someone without their own presence the chosen one during the block, and leaves none after', async () => {
    const mateo = h.tenant.org.people.find((p) => p.givenName === 'Mateo')!;
    await autoStatus(mateo, { enabled: false, preferredPresence: 'DoNotDisturb' });
    await acceptedBlock(mateo, h.now() - MINUTE, h.now() + 30 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(h.tenant.presence.at(mateo, h.tenant.clock())).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(h.tenant.presence.appSessionsAt(mateo, h.tenant.clock())).toHaveLength(1);

    h.advance(35 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(h.tenant.presence.appSessionsAt(mateo, h.tenant.clock())).toEqual([]);
    expect(h.tenant.presence.preferredOf(mateo)).toBeUndefined();
    expect(writesFor(mateo.id).map((w) => w.kind)).toEqual(['setStatusMessage', 'setAppSession:DoNotDisturb', 'clearStatusMessage', 'clearAppSession']);
  });

  it('sets its presence session again before the four-hour limit in a longer block', async () => {
    const maya = h.tenant.org.people.find((p) => p.givenName === 'Maya')!;
    await autoStatus(maya, { enabled: false, preferredPresence: 'Busy' });
    await acceptedBlock(maya, h.now() - MINUTE, h.now() + 6 * 60 * MINUTE);
    await h.runNow(PERIODIC.status);
    const [first] = h.tenant.presence.appSessionsAt(maya, h.tenant.clock());
    expect(first!.expiresAt - h.tenant.clock()).toBeLessThanOrEqual(4 * 60 * MINUTE);
    h.advance(3 * 60 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(writesFor(maya.id, 'setAppSession:Busy')).toHaveLength(1);
    h.advance(50 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(writesFor(maya.id, 'setAppSession:Busy')).toHaveLength(2);
    // Renewed for the rest of the block (the demo tenant keeps real time, the server's clock moved on).
    const [renewed] = h.tenant.presence.appSessionsAt(maya, h.tenant.clock());
    expect(renewed).not.toBe(first);
    expect((renewed!.expiresAt - renewed!.setAt) / MINUTE).toBeGreaterThanOrEqual(125);
    expect((renewed!.expiresAt - renewed!.setAt) / MINUTE).toBeLessThanOrEqual(135);
    h.advance(3 * 60 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(h.tenant.presence.appSessionsAt(maya, h.tenant.clock())).toEqual([]);
  });
});

describe('automatic status in quiet time', () => {
  it('sets an evening or weekend status for someone whose quiet time is on now', async () => {
    const now = h.now();
    const days: DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const quiet = { eveningBufferMinutes: 30, weekends: true };
    const inQuietTime = h.tenant.org.people.filter((p) => p.windowsZone && !['Priya', 'Arjun', 'Chloe', 'Sofia', 'Mateo', 'Maya'].includes(p.givenName)).map((p) => {
      const workingHours = { daysOfWeek: p.workingDays.map((d) => days[d]!), startTime: p.startTime, endTime: p.endTime, timeZone: { kind: 'windows' as const, name: p.windowsZone! } };
      const window = quietWindows({ workingHours }, quiet, { start: now - 3 * 86_400_000, end: now + 3_600_000 }).find((w) => w.start <= now && now + 5 * MINUTE < w.end);
      return window && { person: p, window, zone: zoneOrUtc(workingHours.timeZone).zone };
    }).find((x) => x !== undefined);
    expect(inQuietTime, 'at any instant someone in the demo organisation is in quiet time').toBeDefined();
    const { person, window, zone } = inQuietTime!;

    await autoStatus(person, { enabled: true, ...quiet });
    // Quiet time is a window the person turns on: with none on, the status is left alone.
    const key = { tenantId: h.tenant.org.tenantId, userId: person.id };
    await quietWindowRepository(h.store.db).turnOff(key, `every-${window.kind}`);
    await h.runNow(PERIODIC.status);
    expect(shown(person)).toBeUndefined();

    await quietWindowRepository(h.store.db).turnOn(key, { id: `every-${window.kind}`, repeat: 'every', kind: window.kind, start: window.start, end: null }, new Date(h.tenant.clock()));
    h.advance(MINUTE);
    await h.runNow(PERIODIC.status);
    expect(shown(person)).toBe(statusMessageText(TEMPLATE, window.end, zone, h.now()));
    expect((await h.api(person.id, 'GET', '/api/me/status')).body.current).toMatchObject({ kind: window.kind, until: new Date(window.end).toISOString(), state: 'set' });
  });
});

describe('without the application permission', () => {
  it('learns it from Graph\'s 403 (the app-only token is opaque), then reports both features unavailable and asks Graph nothing more', async () => {
    const other = await startJobsHarness();
    try {
      // As in Entra: client credentials still succeed, with a token that grants nothing.
      other.tenant.consent.setApplicationConsent(false);
      const person = other.tenant.org.people.find((p) => p.givenName === 'Mateo')!;
      // The person opened the tab (it stores their working hours, read with their own token), so
      // the status job has a block and hours to act on, and asks Graph as the app.
      expect((await other.api(person.id, 'GET', '/api/me/balance')).status).toBe(200);
      await peopleRepository(other.store.db).saveQuietTime({ tenantId: other.tenant.org.tenantId, userId: person.id }, { autoStatus: true, enabled: false }, new Date(other.tenant.clock()));
      await other.store.db.insertInto('suggestion_state').values({
        tenant_id: other.tenant.org.tenantId, user_id: person.id, suggestion_id: 'sg_x', state: 'accepted', kind: 'disconnect-block',
        start_at: new Date(other.tenant.clock() - MINUTE), end_at: new Date(other.tenant.clock() + 30 * MINUTE), event_id: 'e',
      }).execute();
      // Nothing tells yet: the first status check asks Graph, which refuses with its permission 403.
      expect((await other.api(person.id, 'GET', '/api/me/status')).body).toMatchObject({ available: true });
      await other.runNow(PERIODIC.status);
      const status = await other.api(person.id, 'GET', '/api/me/status');
      expect(status.body).toMatchObject({ enabled: true, available: false, reason: { code: 'permission_missing' }, current: null });
      expect(status.body.reason.message).toMatch(/administrator/);
      expect((await other.api(person.id, 'PUT', '/api/me/presence-timeline', { enabled: true })).body).toMatchObject({ enabled: true, available: false, reason: { code: 'permission_missing' } });
      other.tenant.resetStats();
      await other.runNow(PERIODIC.status);
      await other.runNow(PERIODIC.sampling);
      expect(other.tenant.stats().graphRequests).toBe(0);
      expect(other.tenant.presence.at(person, other.tenant.clock()).statusMessage).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

describe('working hours for the automatic status', () => {
  it('come from the tab: the job reads no mailbox, which the registration gives the app no permission for', async () => {
    // Someone who has never opened the tab in this server (the tests above opened it for others).
    const stored = new Set((await h.store.db.selectFrom('person_working_hours').select('user_id').where('tenant_id', '=', h.tenant.org.tenantId).execute()).map((r) => r.user_id));
    const person = h.tenant.org.people.find((p) => p.windowsZone && !stored.has(p.id))!;
    expect(person, 'someone in the demo organisation has not opened the tab yet').toBeDefined();
    // The app-only token cannot read a mailbox at the strict demo tenant, as in Microsoft 365.
    const { token } = await h.tenant.appToken();
    const refused = await fetch(`${h.base}/demo/graph/v1.0/users/${person.id}/mailboxSettings/workingHours`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(403);
    expect((await refused.json() as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');

    // Turned on without the tab ever loading (no stored hours): nothing is set, and nothing breaks.
    await peopleRepository(h.store.db).saveQuietTime({ tenantId: h.tenant.org.tenantId, userId: person.id }, { autoStatus: true, statusMessage: TEMPLATE, enabled: false }, new Date(h.tenant.clock()));
    await acceptedBlock(person, h.now() - MINUTE, h.now() + 20 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(writesFor(person.id)).toEqual([]);

    // Once the tab has loaded, the next check sets the status.
    expect((await h.api(person.id, 'GET', '/api/me/balance')).status).toBe(200);
    await h.runNow(PERIODIC.status);
    expect(writesFor(person.id, 'setStatusMessage')).toHaveLength(1);
  });
});
