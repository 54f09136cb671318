import type { RequestAuth } from '../auth/bearer';
import type { Balance } from '../domain/balance/balance-types';
import { computeBalance } from '../domain/balance/compute-balance';
import { addDays, dayOfWeek, type DateRange } from '../domain/time/local-date';
import type { ApiCaches } from './api-caches';
import { preparedCalendar } from './prepared-calendar';
import { bookedBlocks, cachedPresence, cachedQuietChoices, cachedSettings, cachedStates } from './person-data';
import { zoneOrUtc } from '../domain/time/resolve-time-zone';
import type { Zone } from '../domain/time/zone';
import { weekOf } from '../domain/time/week';
import { quietWindows } from '../domain/suggestions/quiet-time';
import { windowsTurnedOn } from '../domain/suggestions/quiet-choices';
import { covers, defaultWindow, loadPersonCalendar, personKey, windowForDates } from './person-calendar';
import type { ApiPorts } from './ports';
import { presenceTimeline } from './presence-timeline';
import { storeBatches } from './store-batches';

/**
 * A person's balance for a range of local dates (default: this week in their zone): gather the
 * calendar (one Graph round trip, or the cache), the presence timeline and booked blocks from the
 * store, then compute.
 */
export async function balanceFor(ports: ApiPorts, cache: ApiCaches, auth: RequestAuth, range?: DateRange): Promise<Balance & { zone: Zone }> {
  const now = ports.now();
  const usual = defaultWindow(now);
  const wanted = range ? windowForDates(range.from, range.to) : usual;
  const window = covers(usual, wanted) ? usual : wanted;
  const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };

  const [{ person, data }, settings, states, quietChoices] = await Promise.all([
    loadPersonCalendar(ports, cache.tabData, auth, window),
    cachedSettings(ports, cache, key),
    cachedStates(ports, cache, key),
    cachedQuietChoices(ports, cache, key),
  ]);
  const presence = !settings.policy.features.presenceTimeline ? []
    : window === usual ? await cachedPresence(ports, cache, key) : await presenceTimeline(ports.store, key, window, now);
  const { zone, problem } = zoneOrUtc(person.workingHours.timeZone);
  const dates = range ?? weekOf(now.getTime(), zone);
  // Quiet windows that are on drive the quiet-time figure (none when quiet time is off).
  const quiet = settings.quietTime.enabled && quietChoices.length > 0
    ? windowsTurnedOn(quietWindows(person, settings.quietTime, dates, zone), quietChoices) : [];
  const balance = computeBalance({
    person,
    events: data.events,
    presence,
    blocks: bookedBlocks(states),
    prepared: preparedCalendar(person, data.events, states, zone),
    preferences: settings.preferences,
    range: dates,
    now: now.getTime(),
    quietWindows: quiet,
    zone,
  });
  if (isWholeWeek(balance.range) && cache.snapshotChanged(personKey(auth), balance.range.from, snapshotOf(balance))) {
    // Behind the answer: team figures and nudges read it (after settling the writes), the answer does not.
    void storeBatches(ports.store).saveSnapshot(key, balance.range.from, snapshotOf(balance), now);
  }
  // The zone was resolved here (the domain is handed it), so an unreadable zone is reported from here.
  return { ...balance, timeZone: { name: zone.name, problem }, zone };
}

/** A Monday-to-Sunday range: the unit team aggregates are kept in. */
function isWholeWeek(range: DateRange): boolean {
  return dayOfWeek(range.from) === 'monday' && addDays(range.from, 6) === range.to;
}

function snapshotOf(balance: Balance): Record<string, number> {
  const { balanceRatio: _ratio, ...minutes } = balance.totals;
  return minutes;
}
