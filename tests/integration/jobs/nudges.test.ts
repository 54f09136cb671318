import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { startJobsHarness, type JobsHarness } from './jobs-harness';

/**
 * The nudge job in one server: what it needs before it sends (a presence timeline for the long
 * day, a switch turned on) and what it does when Graph throttles (the claim is released and the
 * next check sends it, once). Working hours are stored as the jobs cache them, in a fixed-offset
 * zone where it is about noon now, with the shift ending in 20 minutes.
 */
const MINUTE = 60_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
let h: JobsHarness;
let tenantId: string;

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const feed = (person: DemoPerson) => h.tenant.activity.feed(person);
const claims = (person: DemoPerson) => h.store.db.selectFrom('nudge_sent').select(['kind', 'state']).where('user_id', '=', person.id).execute();

async function setUp(person: DemoPerson, nudges: { startingSoon?: boolean; longDay?: boolean; weeklySummary?: boolean }, onlineHours: number | undefined): Promise<void> {
  const now = h.now();
  const offsetHours = 12 - new Date(now).getUTCHours();
  const local = now + offsetHours * 3_600_000;
  const timeZone = { kind: 'iana', name: offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}` };
  const workingHours = { daysOfWeek: WEEKDAYS, startTime: hhmm(local - 3 * 60 * MINUTE), endTime: hhmm(local + 20 * MINUTE), timeZone };
  await h.store.db.insertInto('nudge_preference').values({
    tenant_id: tenantId, user_id: person.id, starting_soon: nudges.startingSoon ?? false, long_day: nudges.longDay ?? false, weekly_summary: nudges.weeklySummary ?? false,
  }).execute();
  await h.store.db.insertInto('person_working_hours').values({ tenant_id: tenantId, user_id: person.id, working_hours: JSON.stringify(workingHours), fetched_at: new Date(now) }).execute();
  if (onlineHours !== undefined) {
    await h.store.db.insertInto('presence_interval').values({ tenant_id: tenantId, user_id: person.id, availability: 'Available', activity: 'Available', start_at: new Date(now - onlineHours * 60 * MINUTE), end_at: new Date(now - MINUTE) }).execute();
  }
}

beforeAll(async () => {
  h = await startJobsHarness();
  tenantId = h.tenant.org.tenantId;
});
afterAll(() => h?.close());
beforeEach(() => {
  h.tenant.setFaults({ rate429: 0, rate503: 0, retryAfterSeconds: 1 });
});

describe('the nudge job', () => {
  it('sends the long-day nudge only with a long day on record, and only when turned on', async () => {
    const [noTimeline, shortDay, longDayOff, longDay] = h.tenant.org.people.slice(0, 4) as DemoPerson[];
    await setUp(noTimeline!, { longDay: true }, undefined);
    await setUp(shortDay!, { longDay: true }, 5);
    await setUp(longDayOff!, { weeklySummary: true }, 9);
    await setUp(longDay!, { longDay: true }, 9);
    await h.runNow(PERIODIC.nudges);

    expect(feed(noTimeline!)).toEqual([]);
    expect(feed(shortDay!)).toEqual([]);
    expect(feed(longDayOff!)).toEqual([]); // a long day, but that nudge is off (and no week to summarise)
    expect(feed(longDay!).map((e) => e.activityType)).toEqual(['longDay']);
    expect(await claims(noTimeline!)).toEqual([]);
    expect(await claims(longDay!)).toEqual([{ kind: 'long-day', state: 'sent' }]);

    await h.runNow(PERIODIC.nudges);
    expect(feed(longDay!)).toHaveLength(1); // one of a kind a day
  });

  it('when Graph throttles, releases the claim and sends on the next check, once', async () => {
    const person = h.tenant.org.people[4]!;
    await setUp(person, { longDay: true }, 9);
    h.tenant.setFaults({ rate429: 1, retryAfterSeconds: 0 });
    await h.runNow(PERIODIC.nudges);
    expect(feed(person)).toEqual([]);
    expect(await claims(person)).toEqual([]);

    h.tenant.setFaults({ rate429: 0 });
    h.advance(MINUTE);
    await h.runNow(PERIODIC.nudges);
    expect(feed(person).map((e) => e.activityType)).toEqual(['longDay']);
    expect(await claims(person)).toEqual([{ kind: 'long-day', state: 'sent' }]);
  });
});
