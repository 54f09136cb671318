import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusMessageText } from '../../../server/src/domain/status/status-message';
import { quietWindows } from '../../../server/src/domain/suggestions/quiet-time';
import { zoneOrUtc } from '../../../server/src/domain/time/resolve-time-zone';
import { IanaZone } from '../../../server/src/domain/time/zone';
import type { DayOfWeek } from '../../../server/src/domain/types';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { peopleRepository } from '../../../server/src/store/repositories/people-repository';
import { startJobsHarness, type JobsHarness } from './jobs-harness';

/**
 * The automatic status end to end: blocks and quiet windows from the store, working hours and
 * presence read as the app from the demo tenant, status messages and preferred presence written
 * there — and a person's own status never overwritten.
 */
const TEMPLATE = 'Unplugged until {until} — urgent? call me';
const MINUTE = 60_000;
let h: JobsHarness;
const writes: { kind: string; personId: string; content?: string }[] = [];
let ownMessage: (person: DemoPerson, content: string) => void;

const writesFor = (personId: string, kind?: string) => writes.filter((w) => w.personId === personId && (!kind || w.kind === kind));
const shown = (person: DemoPerson) => h.tenant.presence.at(person, h.tenant.clock()).statusMessage?.content;
const availability = (person: DemoPerson) => h.tenant.presence.at(person, h.tenant.clock()).availability;

async function autoStatus(person: DemoPerson, quietTime: Record<string, unknown>): Promise<void> {
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
  ownMessage = (person, content) => setMessage(person, { content, contentType: 'text', expiresAt: undefined, expiryTimeZone: 'UTC', publishedAt: h.tenant.clock() });
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
    expect(writesFor(priya.id).map((w) => w.kind)).toEqual(['setStatusMessage', 'setPreferredPresence:DoNotDisturb']);

    const status = await h.api(priya.id, 'GET', '/api/me/status');
    expect(status.body).toEqual({ enabled: true, available: true, reason: null, current: { kind: 'block', until: new Date(end).toISOString(), message: expected, state: 'set' } });

    await h.runNow(PERIODIC.status);
    expect(writesFor(priya.id)).toHaveLength(2);
  });

  it('clears what it set when the block ends', async () => {
    const priya = h.tenant.org.people.find((p) => p.givenName === 'Priya')!;
    const ours = availability(priya) === 'DoNotDisturb';
    h.advance(50 * MINUTE);
    await h.runNow(PERIODIC.status);
    expect(shown(priya)).toBeUndefined();
    // Our preferred presence is withdrawn if it shows (it only does while the person is signed in).
    expect(writesFor(priya.id).map((w) => w.kind).slice(2)).toEqual(ours ? ['clearStatusMessage', 'clearPreferredPresence'] : ['clearStatusMessage']);
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

describe('automatic status in quiet time', () => {
  it('sets an evening or weekend status for someone whose quiet time is on now', async () => {
    const now = h.now();
    const days: DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const quiet = { eveningBufferMinutes: 30, weekends: true };
    const inQuietTime = h.tenant.org.people.filter((p) => p.windowsZone && !['Priya', 'Arjun', 'Chloe'].includes(p.givenName)).map((p) => {
      const workingHours = { daysOfWeek: p.workingDays.map((d) => days[d]!), startTime: p.startTime, endTime: p.endTime, timeZone: { kind: 'windows' as const, name: p.windowsZone! } };
      const window = quietWindows({ workingHours }, quiet, { start: now - 3 * 86_400_000, end: now + 3_600_000 }).find((w) => w.start <= now && now + 5 * MINUTE < w.end);
      return window && { person: p, window, zone: zoneOrUtc(workingHours.timeZone).zone };
    }).find((x) => x !== undefined);
    expect(inQuietTime, 'at any instant someone in the demo organisation is in quiet time').toBeDefined();
    const { person, window, zone } = inQuietTime!;

    await autoStatus(person, { enabled: true, ...quiet });
    await h.runNow(PERIODIC.status);
    expect(shown(person)).toBe(statusMessageText(TEMPLATE, window.end, zone, h.now()));
    expect((await h.api(person.id, 'GET', '/api/me/status')).body.current).toMatchObject({ kind: window.kind, until: new Date(window.end).toISOString(), state: 'set' });
  });
});

describe('without the application permission', () => {
  it('reports the automatic status and the presence timeline unavailable with the reason, and asks Graph nothing', async () => {
    const other = await startJobsHarness();
    try {
      other.tenant.consent.setApplicationConsent(false);
      const person = other.tenant.org.people.find((p) => p.givenName === 'Mateo')!;
      await peopleRepository(other.store.db).saveQuietTime({ tenantId: other.tenant.org.tenantId, userId: person.id }, { autoStatus: true, enabled: false }, new Date(other.tenant.clock()));
      await other.store.db.insertInto('suggestion_state').values({
        tenant_id: other.tenant.org.tenantId, user_id: person.id, suggestion_id: 'sg_x', state: 'accepted', kind: 'disconnect-block',
        start_at: new Date(other.tenant.clock() - MINUTE), end_at: new Date(other.tenant.clock() + 30 * MINUTE), event_id: 'e',
      }).execute();
      const status = await other.api(person.id, 'GET', '/api/me/status');
      expect(status.body).toMatchObject({ enabled: true, available: false, reason: { code: 'admin_consent_required' }, current: null });
      expect(status.body.reason.message).toMatch(/administrator/);
      expect((await other.api(person.id, 'PUT', '/api/me/presence-timeline', { enabled: true })).body).toMatchObject({ enabled: true, available: false, reason: { code: 'admin_consent_required' } });
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
