import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACKNOWLEDGEMENT, DEMO_TEAMS_APP_ID } from '../../../server/src/config';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { jobRepository } from '../../../server/src/store/repositories/job-repository';
import { openSharedDatabase, startServerProcess, startSharedDemoTenant, type ServerProcess, type SharedDatabase, type SharedDemoTenant } from './scale-harness';
import { waitFor } from './jobs-harness';

/**
 * Nudges with two server processes on one database and one demo tenant, on the real clock. The
 * people's working hours are stored (as the jobs cache them) in a fixed-offset zone where it is
 * about noon now, so the test does not depend on when it runs:
 * - Avery: a shift ending in 20 minutes (the day's last half hour; the week's only shift), a block
 *   starting in 4½ minutes, 9 h online today, balance snapshots for this week and earlier ones:
 *   each of the three kinds is due, and must reach their Teams feed once.
 * - Mateo: every nudge on and a block starting soon too, but his day ended an hour ago, so he is
 *   inside his evening quiet time: nothing may reach him.
 * - Someone without the app installed (no consent): Graph refuses; each kind is tried once.
 */
const MINUTE = 60_000;
let db: SharedDatabase;
let demo: SharedDemoTenant;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
let avery: DemoPerson;
let mateo: DemoPerson;
let uninstalled: DemoPerson;

const sends = (userId: string) => demo.requests.filter((r) => r.method === 'POST' && r.path === `/users/${userId}/teamwork/sendActivityNotification`);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A whole-hour UTC offset (−11…+12) at which it is 12:xx now, and its IANA name (Etc/GMT signs are inverted). */
function noonZone(now: number): { name: string; offsetMs: number } {
  const h = 12 - new Date(now).getUTCHours();
  return { name: h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`, offsetMs: h * 3_600_000 };
}

beforeAll(async () => {
  [db, demo] = await Promise.all([openSharedDatabase(), startSharedDemoTenant({ subscriptionSweepMs: 0 })]);
  const tenantId = demo.tenant.org.tenantId;
  [avery, mateo] = demo.tenant.org.people as [DemoPerson, DemoPerson];
  uninstalled = demo.tenant.org.people.find((p) => p.consentRequired)!;
  const now = Date.now();
  const zone = noonZone(now);
  const local = now + zone.offsetMs; // wall-clock ms in that zone, as if UTC
  const today = WEEKDAYS[new Date(local).getUTCDay()]!;
  const timeZone = { kind: 'iana', name: zone.name };
  const hours = {
    // Avery and the uninstalled person: today's shift, the only one of the week, ends in 20 minutes.
    working: { daysOfWeek: [today], startTime: hhmm(local - 3 * 60 * MINUTE), endTime: hhmm(local + 20 * MINUTE), timeZone },
    // Mateo: his day ended an hour ago; quiet time began 30 minutes after.
    afterWork: { daysOfWeek: WEEKDAYS, startTime: '06:00', endTime: hhmm(local - 60 * MINUTE), timeZone },
  };
  const monday = new Date(local - ((new Date(local).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const weekBefore = (n: number) => new Date(Date.parse(`${monday}T00:00:00Z`) - n * 7 * 86_400_000).toISOString().slice(0, 10);
  const totals = (disconnected: number) => JSON.stringify({ workingMinutes: 2400, connectedMinutes: 2400 - disconnected, disconnectedMinutes: disconnected, afterHoursConnectedMinutes: 0, targetDays: 5, targetDaysMet: 3 });

  const store = db.store.db;
  for (const [person, wh] of [[avery, hours.working], [mateo, hours.afterWork], [uninstalled, hours.working]] as const) {
    await store.insertInto('nudge_preference').values({ tenant_id: tenantId, user_id: person.id, starting_soon: true, long_day: true, weekly_summary: true }).execute();
    await store.insertInto('person_working_hours').values({ tenant_id: tenantId, user_id: person.id, working_hours: JSON.stringify(wh), fetched_at: new Date(now) }).execute();
    await store.insertInto('suggestion_state').values({
      tenant_id: tenantId, user_id: person.id, suggestion_id: `sg_nudge_${person.index}`, state: 'accepted', kind: 'disconnect-block',
      start_at: new Date(now + 4.5 * MINUTE), end_at: new Date(now + 34.5 * MINUTE), event_id: `event-${person.index}`,
    }).execute();
    await store.insertInto('presence_interval').values({ tenant_id: tenantId, user_id: person.id, availability: 'Available', activity: 'Available', start_at: new Date(now - 9 * 60 * MINUTE), end_at: new Date(now - MINUTE) }).execute();
    await store.insertInto('balance_snapshot').values([
      { tenant_id: tenantId, user_id: person.id, week_start: monday, totals: totals(720) },
      { tenant_id: tenantId, user_id: person.id, week_start: weekBefore(1), totals: totals(480) },
    ]).execute();
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await demo?.close();
  await db?.close();
}, 60_000);

describe(`nudges from two server processes on one database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite over the wire'})`, () => {
  it('send each kind once, never inside quiet time, and show them in the person\'s Teams feed', async () => {
    // The demo tenant on a database on purpose (the server refuses it by accident).
    const env = { DATABASE_URL: db.url, UNPLUG_MODE: 'demo', UNPLUG_DEMO_ACKNOWLEDGE: DEMO_ACKNOWLEDGEMENT, DEMO_TENANT_URL: demo.baseUrl, PRESENCE_SAMPLE_MINUTES: '60', STATUS_CHECK_SECONDS: '5', JOBS_CONCURRENCY: '2' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);

    await waitFor(() => sends(avery.id).length >= 3 && sends(uninstalled.id).length >= 3, 150_000, 'three nudges each');
    const doneAt = Date.now();
    await waitFor(async () => {
      const run = await jobRepository(db.store.db).schedule(PERIODIC.nudges);
      return run?.lastRunAt && run.lastRunAt.getTime() > doneAt + 6000;
    }, 60_000, 'two more nudge checks');

    // Once each, whichever process made the call.
    expect(sends(avery.id).map((r) => (r.body as { activityType: string }).activityType).sort()).toEqual(['longDay', 'startingSoon', 'weeklySummary']);
    // Never inside quiet time: Mateo's evening is quiet, so nothing was even attempted.
    expect(sends(mateo.id)).toEqual([]);
    // Refused (not installed): tried once per kind, not again.
    expect(sends(uninstalled.id)).toHaveLength(3);

    const feed = await (await fetch(`${demo.baseUrl}/demo/teams/activity?userId=${avery.id}`)).json() as { value: { activityType: string; text: string; previewText: string; topic: { webUrl: string }; createdDateTime: string }[] };
    expect(feed.value.map((e) => e.activityType).sort()).toEqual(['longDay', 'startingSoon', 'weeklySummary']);
    expect([...feed.value].sort((x, y) => y.createdDateTime.localeCompare(x.createdDateTime))).toEqual(feed.value); // newest first
    const byType = Object.fromEntries(feed.value.map((e) => [e.activityType, e]));
    expect(byType.startingSoon?.text).toMatch(/^Your disconnect block starts at \d\d:\d\d$/);
    expect(byType.longDay?.previewText).toMatch(/^Connected (8 h 5\d min|9 h) today\. Tomorrow, protect 1 h 30 min offline/);
    expect(byType.weeklySummary?.text).toBe('Your week: 30% offline, up 10 points on the week before');
    for (const entry of feed.value) expect(entry.topic.webUrl).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${DEMO_TEAMS_APP_ID}/unplug\\?context=`));
    expect(((await (await fetch(`${demo.baseUrl}/demo/teams/activity?userId=${mateo.id}`)).json()) as { value: unknown[] }).value).toEqual([]);
    expect(((await (await fetch(`${demo.baseUrl}/demo/teams/activity?userId=${uninstalled.id}`)).json()) as { value: unknown[] }).value).toEqual([]);

    // The store: one claim per person, kind and day — sent, or refused with Graph's status.
    const claims = await db.store.db.selectFrom('nudge_sent').select(['user_id', 'kind', 'state', 'reason']).orderBy('user_id').orderBy('kind').execute();
    expect(claims.filter((c) => c.user_id === avery.id).map((c) => c.state)).toEqual(['sent', 'sent', 'sent']);
    expect(claims.filter((c) => c.user_id === uninstalled.id).map((c) => c.state)).toEqual(['refused', 'refused', 'refused']);
    expect(claims.filter((c) => c.user_id === mateo.id)).toEqual([]);

    expect(await a!.stop(), a!.output()).toBe(0);
    expect(await b!.stop(), b!.output()).toBe(0);
  }, 300_000);
});
