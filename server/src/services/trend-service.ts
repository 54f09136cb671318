import type { RequestAuth } from '../auth/bearer';
import { computeBalance } from '../domain/balance/compute-balance';
import { weeklyTrend, type Trend } from '../domain/balance/trend';
import { addDays } from '../domain/time/local-date';
import { zoneOrUtc } from '../domain/time/resolve-time-zone';
import { weekOf } from '../domain/time/week';
import type { ApiCaches } from './api-caches';
import { loadPersonCalendar, windowForDates } from './person-calendar';
import { bookedBlocks, cachedSettings, cachedStates } from './person-data';
import type { ApiPorts } from './ports';
import { presenceTimeline } from './presence-timeline';

/** How many weeks the trend shows, this week included. */
export const TREND_WEEKS = 8;

export interface TrendResult extends Trend {
  timeZone: { name: string; problem: { code: string; message: string } | null };
  presence: boolean;
}

/**
 * The last eight weeks of the caller's measured balance (this week so far included): one Graph
 * round trip for the calendar, the presence timeline from the store when it is on.
 */
export async function trendFor(ports: ApiPorts, cache: ApiCaches, auth: RequestAuth): Promise<TrendResult> {
  const now = ports.now();
  const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
  const settings = await cachedSettings(ports, cache, key);
  const [{ person, data }, states] = await Promise.all([
    // The zone is only known with the calendar; eight weeks and a day either side cover any zone.
    loadPersonCalendar(ports, cache.tabData, auth, windowForDates(addDays(now.toISOString().slice(0, 10), -7 * TREND_WEEKS), addDays(now.toISOString().slice(0, 10), 8))),
    cachedStates(ports, cache, key),
  ]);
  const { zone, problem } = zoneOrUtc(person.workingHours.timeZone);
  const thisWeek = weekOf(now.getTime(), zone);
  const range = { from: addDays(thisWeek.from, -7 * (TREND_WEEKS - 1)), to: thisWeek.to };
  const presence = settings.policy.features.presenceTimeline ? await presenceTimeline(ports.store, key, windowForDates(range.from, range.to), now) : [];
  const balance = computeBalance({
    person,
    events: data.events,
    presence,
    blocks: bookedBlocks(states),
    preferences: settings.preferences,
    range,
    now: now.getTime(),
    zone,
  });
  return { ...weeklyTrend(balance.days, range.from), timeZone: { name: zone.name, problem }, presence: balance.sources.presence };
}
