import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../types';
import { arbScenario } from '../testing/arbitraries';
import { zoneFor } from '../testing/fixtures';
import { MINUTE_MS, addDays } from '../time/local-date';
import { workingIntervals } from '../time/working-hours';
import { startOfLocalDay } from '../time/zone';
import { prepareCalendar } from '../calendar/read-calendar';
import { computeBalance } from './compute-balance';

const covers = (list: readonly Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);

describe('balance invariants (property-based)', () => {
  it('connected + disconnected + fragmented = working minutes each day, and the parts agree with a minute-by-minute count', () => {
    fc.assert(fc.property(arbScenario(25), fc.boolean(), (s, withPresence) => {
      const zone = zoneFor(s.person.workingHours.timeZone);
      const range = { from: s.monday, to: addDays(s.monday, 6) };
      const presence = withPresence ? s.presence : undefined;
      const b = computeBalance({ person: s.person, events: s.events, presence, preferences: s.preferences, range, now: Date.UTC(2100, 0, 1) });
      expect(b.days).toHaveLength(7);
      expect(computeBalance({ person: s.person, events: [], presence, preferences: s.preferences, range, now: Date.UTC(2100, 0, 1), prepared: prepareCalendar(s.person, s.events) })).toEqual(b);
      for (const d of b.days) {
        expect(d.state).toBe('measured');
        expect(d.connectedMinutes + d.disconnectedMinutes + d.fragmentedMinutes).toBe(d.workingMinutes);
        expect(d.fragmentedMinutes).toBeGreaterThanOrEqual(0);
        expect(d.connectedMinutes).toBeGreaterThanOrEqual(0);
        expect(d.disconnectedMinutes).toBeGreaterThanOrEqual(0);
        expect(d.honouredMinutes).toBeLessThanOrEqual(d.protectedMinutes);
        expect(d.afterHoursConnectedMinutes).toBeGreaterThanOrEqual(0);
        expect(d.targetMet).toBe(d.disconnectedMinutes >= d.targetMinutes);
      }

      // The model: walk the week minute by minute.
      const meetings = s.events.filter((e) => !e.isCancelled && e.response !== 'declined' && !e.isUnplugBlock && !e.allDay && (e.showAs === 'busy' || e.showAs === 'tentative'));
      const online = (presence ?? []).filter((p) => p.availability === 'Available' || p.activity === 'InACall' || p.activity === 'Presenting' || p.availability === 'Busy');
      const blocks = s.events.filter((e) => !e.isCancelled && e.response !== 'declined' && e.isUnplugBlock);
      const isConnected = (t: number) => covers(meetings, t) || online.some((p) => p.start <= t && t < p.end && (p.availability !== 'Busy' || p.activity === 'InACall' || p.activity === 'Presenting' || !covers(blocks, t)));
      const shifts = workingIntervals(s.person.workingHours, zone, range);
      let working = 0;
      let connected = 0;
      for (const shift of shifts) {
        for (let t = shift.start; t < shift.end; t += MINUTE_MS) {
          working += 1;
          if (isConnected(t)) connected += 1;
        }
      }
      expect(b.totals.workingMinutes).toBe(working);
      expect(b.totals.connectedMinutes).toBe(connected);

      // Every connected minute of the range's days is either in working hours or after hours, once.
      const previous = workingIntervals(s.person.workingHours, zone, { from: addDays(s.monday, -1), to: addDays(s.monday, -1) })[0];
      const dayStart = startOfLocalDay(s.monday, zone);
      const from = previous && previous.end > dayStart ? previous.end : dayStart;
      const lastShift = workingIntervals(s.person.workingHours, zone, { from: range.to, to: range.to })[0];
      const to = Math.max(startOfLocalDay(addDays(s.monday, 7), zone), lastShift?.end ?? -Infinity);
      let all = 0;
      for (let t = from; t < to; t += MINUTE_MS) if (isConnected(t)) all += 1;
      expect(b.totals.connectedMinutes + b.totals.afterHoursConnectedMinutes).toBe(all);
    }), { numRuns: 60 });
  });
});
