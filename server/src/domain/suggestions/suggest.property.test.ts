import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, Interval } from '../types';
import { arbScenario } from '../testing/arbitraries';
import type { Scenario } from '../testing/arbitraries';
import { zoneFor } from '../testing/fixtures';
import { addDays, timeOfDayMs, toEpochDay, DAY_MS } from '../time/local-date';
import { workingIntervals } from '../time/working-hours';
import { localMsToInstant, startOfLocalDay } from '../time/zone';
import { prepareCalendar } from '../calendar/read-calendar';
import { suggest } from './suggest';

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
const counts = (e: CalendarEvent) => !e.isCancelled && e.response !== 'declined';

/** Busy/tentative/oof (and unknown) events and Unplug blocks, all-day ones over their local days. */
function blockingIntervals(s: Scenario): Interval[] {
  const zone = zoneFor(s.person.workingHours.timeZone);
  return s.events.filter((e) => counts(e) && (e.isUnplugBlock || ['busy', 'tentative', 'oof', 'unknown'].includes(e.showAs))).map((e) => (e.allDay
    ? { start: startOfLocalDay(e.allDay.startDate, zone), end: startOfLocalDay(e.allDay.endDate, zone) }
    : { start: e.start, end: e.end }));
}

function outOfOfficeDays(s: Scenario): Interval[] {
  const zone = zoneFor(s.person.workingHours.timeZone);
  return s.events.filter((e) => counts(e) && e.allDay && e.showAs === 'oof').flatMap((e) => {
    const days: Interval[] = [];
    for (let d = e.allDay!.startDate; d < e.allDay!.endDate; d = addDays(d, 1)) days.push({ start: startOfLocalDay(d, zone), end: startOfLocalDay(addDays(d, 1), zone) });
    return days;
  });
}

const run = (s: Scenario, extra: Partial<Parameters<typeof suggest>[0]> = {}) => suggest({
  person: s.person, events: s.events, preferences: s.preferences, quietTime: s.quietTime, now: s.now, days: s.days, ...extra,
});

describe('suggestion invariants (property-based)', () => {
  it('never overlap busy/tentative/oof events, booked blocks, out-of-office days or each other; never before now; blocks inside working hours and outside lunch', () => {
    fc.assert(fc.property(arbScenario(30), (s) => {
      const zone = zoneFor(s.person.workingHours.timeZone);
      const { suggestions } = run(s);
      const blocking = blockingIntervals(s);
      const oofDays = outOfOfficeDays(s);
      const shifts = workingIntervals(s.person.workingHours, zone, { from: addDays(s.monday, -2), to: addDays(s.monday, 60) }); // 5 working days may be weeks away (Sundays only: 5 weeks)
      for (const [k, x] of suggestions.entries()) {
        expect(x.end).toBeGreaterThan(x.start);
        expect(x.start).toBeGreaterThanOrEqual(s.now);
        expect(x.gap.start <= x.start && x.end <= x.gap.end).toBe(true);
        expect(x.id).toMatch(/^sg_[0-9a-f]{28}$/);
        // Quiet time is a window over the person's time off, not a calendar block: meetings inside it are warnings.
        if (x.kind !== 'quiet-time') for (const b of blocking) expect(overlaps(x, b), `${x.kind} overlaps a blocking event`).toBe(false);
        if (x.kind !== 'quiet-time') for (const d of oofDays) expect(overlaps(x, d), `${x.kind} on an out-of-office day`).toBe(false);
        for (const y of suggestions.slice(k + 1)) expect(overlaps(x, y), 'two suggestions overlap').toBe(false);
        if (x.kind === 'quiet-time') {
          for (const shift of shifts) expect(overlaps(x, shift), 'quiet time inside working hours').toBe(false);
          continue;
        }
        expect(shifts.some((shift) => shift.start <= x.start && x.end <= shift.end), `${x.kind} outside working hours`).toBe(true);
        expect(x.durationMinutes).toBeGreaterThanOrEqual(s.preferences.minBlockMinutes);
        expect(x.durationMinutes).toBeLessThanOrEqual(s.preferences.maxBlockMinutes);
        if (s.preferences.lunch) {
          const day = toEpochDay(x.date);
          for (const d of [day - 1, day]) {
            const lunch = { start: localMsToInstant(zone, d * DAY_MS + timeOfDayMs(s.preferences.lunch.start)), end: localMsToInstant(zone, d * DAY_MS + timeOfDayMs(s.preferences.lunch.end)) };
            expect(overlaps(x, lunch), 'over lunch').toBe(false);
          }
        }
      }
      expect(new Set(suggestions.map((x) => x.id)).size).toBe(suggestions.length);
    }), { numRuns: 150 });
  });

  it('give the same suggestions and ids for the same inputs, in any event order', () => {
    fc.assert(fc.property(arbScenario(20), fc.integer(), (s, seed) => {
      const shuffled = [...s.events].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
      const a = run(s);
      expect(run(s)).toEqual(a);
      expect(run({ ...s, events: shuffled })).toEqual(a);
      expect(run(s, { prepared: prepareCalendar(s.person, s.events) })).toEqual(a);
    }), { numRuns: 60 });
  });

  it('never offer a dismissed id again', () => {
    fc.assert(fc.property(arbScenario(15), (s) => {
      const first = run(s);
      const dismissed = first.suggestions.filter((_, k) => k % 2 === 0).map((x) => x.id);
      const second = run(s, { dismissedIds: dismissed });
      for (const x of second.suggestions) expect(dismissed).not.toContain(x.id);
    }), { numRuns: 60 });
  });

  it('meet the daily target with blocks when there is room, counting booked blocks', () => {
    fc.assert(fc.property(arbScenario(0), (s) => {
      // An empty calendar, a 9–17 day and no lunch: every target up to the 8 h day is met.
      const person = { ...s.person, workingHours: { ...s.person.workingHours, startTime: '09:00', endTime: '17:00' } };
      const preferences = { ...s.preferences, lunch: null, bufferMinutes: 0 };
      const zone = zoneFor(person.workingHours.timeZone);
      const now = startOfLocalDay(s.monday, zone);
      const { suggestions } = suggest({ person, events: [], preferences, quietTime: s.quietTime, now, days: s.days });
      const perDay = new Map<string, number>();
      for (const x of suggestions) if (x.kind === 'disconnect-block') perDay.set(x.date, (perDay.get(x.date) ?? 0) + x.durationMinutes);
      const blocksNeeded = Math.ceil(preferences.dailyDisconnectTargetMinutes / preferences.maxBlockMinutes);
      // "Room" here: the blocks and the gaps between them fit in half the day.
      if (preferences.dailyDisconnectTargetMinutes === 0 || blocksNeeded * (preferences.maxBlockMinutes + 15) > 240) return;
      expect(perDay.size).toBe(s.days);
      for (const minutes of perDay.values()) expect(minutes).toBeGreaterThanOrEqual(preferences.dailyDisconnectTargetMinutes);
    }), { numRuns: 40 });
  });
});
