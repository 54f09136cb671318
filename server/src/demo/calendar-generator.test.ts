import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCalendar } from './calendar-generator';
import { occupiesTime, type DemoEvent } from './demo-event';
import { createOrg } from './org';
import { isWorkingTime, minutesOutsideWorkingHours } from './working-hours';

const SEED_NOW = Date.parse('2025-03-05T12:00:00Z');
const DAY = 86_400_000;
const org = createOrg({ seedNow: SEED_NOW });
const calendars = new Map(org.people.map((p) => [p.id, generateCalendar(org, p)]));
const seedWeek = (e: DemoEvent) => e.start >= org.window.weekStart && e.start < org.window.weekStart + 7 * DAY;

describe('seeded calendars', () => {
  it('are deterministic and sorted, inside the window', () => {
    for (const person of org.people) {
      const events = calendars.get(person.id)!;
      expect(generateCalendar(org, person)).toEqual(events);
      expect(events.length).toBeGreaterThan(50);
      for (let i = 1; i < events.length; i++) expect(events[i]!.start).toBeGreaterThanOrEqual(events[i - 1]!.start);
      for (const e of events) {
        expect(e.start).toBeGreaterThanOrEqual(org.window.start);
        expect(e.start).toBeLessThan(org.window.end);
        expect(e.end).toBeGreaterThanOrEqual(e.start);
      }
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    }
  });

  it('hold recurring stand-ups and 1:1s as occurrences of a series, shared between attendees', () => {
    const avery = org.people[0]!;
    const standups = calendars.get(avery.id)!.filter((e) => e.subject.endsWith('Team stand-up') && seedWeek(e));
    expect(standups).toHaveLength(5);
    expect(new Set(standups.map((e) => e.seriesMasterId)).size).toBe(1);
    expect(standups.every((e) => e.type === 'occurrence' && e.isOrganizer)).toBe(true);
    const mateo = org.people[1]!;
    const mateoStandups = calendars.get(mateo.id)!.filter((e) => e.subject.endsWith('Team stand-up') && seedWeek(e));
    expect(mateoStandups.map((e) => e.iCalUId)).toEqual(standups.map((e) => e.iCalUId));
    expect(mateoStandups.every((e) => !e.isOrganizer)).toBe(true);
    expect(calendars.get(mateo.id)!.some((e) => e.subject === 'Avery / Mateo 1:1')).toBe(true);
  });

  it('keep recurring meetings on the organiser\'s wall clock across daylight saving (US, 2025-03-09)', () => {
    const avery = org.people[0]!;
    const times = calendars.get(avery.id)!.filter((e) => e.subject === 'Team stand-up').map((e) => new Date(e.start).toISOString().slice(11, 16));
    expect(new Set(times)).toEqual(new Set(['16:30', '15:30'])); // 08:30 PST, then 08:30 PDT
  });

  it('have days of back-to-back meetings (three hours or more, gaps under five minutes)', () => {
    for (const person of org.people) {
      // The seed week on the person's own wall clock starts up to a day before or after Monday UTC.
      const busy = calendars.get(person.id)!.filter((e) => e.start >= org.window.weekStart - DAY && e.start < org.window.weekStart + 6 * DAY && occupiesTime(e) && !e.isAllDay);
      expect(longestRunMinutes(busy), person.displayName).toBeGreaterThanOrEqual(180);
    }
  });

  it('have evening meetings across zones: shared meetings outside some attendee\'s working hours', () => {
    const evening = org.people.flatMap((p) => calendars.get(p.id)!.filter((e) => seedWeek(e) && e.type === 'occurrence' && !e.isCancelled && minutesOutsideWorkingHours(p, e.start, e.end) > 0).map((e) => `${p.displayName}: ${e.subject}`));
    expect(evening.length).toBeGreaterThan(3);
  });

  it('have an all-day out-of-office in the seed week, and a day working elsewhere', () => {
    const liam = org.people[11]!;
    const oof = calendars.get(liam.id)!.filter((e) => e.isAllDay && e.showAs === 'oof' && seedWeek(e));
    expect(oof).toHaveLength(1);
    expect(oof[0]!.allDay).toEqual({ startDate: '2025-03-05', endDate: '2025-03-06' });
    expect(calendars.get(org.people[5]!.id)!.some((e) => e.isAllDay && e.showAs === 'workingElsewhere')).toBe(true);
  });

  it('have tentative, declined, cancelled and free events', () => {
    const all = [...calendars.values()].flat();
    expect(all.some((e) => e.response === 'tentativelyAccepted' && e.showAs === 'tentative')).toBe(true);
    expect(all.some((e) => e.response === 'declined')).toBe(true);
    expect(all.some((e) => e.isCancelled && e.subject.startsWith('Canceled:'))).toBe(true);
    expect(all.some((e) => e.showAs === 'free' && !e.isCancelled && e.response !== 'declined')).toBe(true);
  });

  it('put the night shift\'s own meetings in its night', () => {
    const noah = org.people[7]!;
    const own = calendars.get(noah.id)!.filter((e) => e.type === 'singleInstance' && !e.isAllDay && e.subject !== 'On-call check-in' && e.showAs === 'busy' && !e.categories.length);
    const inHours = own.filter((e) => isWorkingTime(noah, e.start)).length;
    expect(inHours / own.length).toBeGreaterThan(0.7);
  });

  it('give the same events for any range as the whole calendar does (so a day can be built alone)', () => {
    const person = org.people[4]!;
    const full = calendars.get(person.id)!;
    fc.assert(fc.property(
      fc.integer({ min: org.window.start - DAY, max: org.window.end }),
      fc.integer({ min: 1, max: 3 * DAY }),
      (from, length) => {
        const to = from + length;
        const expected = full.filter((e) => e.start < to && e.end > from);
        expect(generateCalendar(org, person, { from, to }).map((e) => e.id)).toEqual(expected.map((e) => e.id));
      },
    ), { numRuns: 40 });
  });
});

describe('generated calendars of a big organisation', () => {
  it('build one person in milliseconds', () => {
    const big = createOrg({ seedNow: SEED_NOW, people: 10_000 });
    const started = performance.now();
    for (let i = 0; i < 20; i++) generateCalendar(big, big.people[5000 + i * 37]!);
    expect((performance.now() - started) / 20).toBeLessThan(250);
    expect(generateCalendar(big, big.people[9999]!).length).toBeGreaterThan(30);
  });
});

function longestRunMinutes(events: DemoEvent[]): number {
  let best = 0;
  let runStart = -1;
  let runEnd = -1;
  for (const e of [...events].sort((a, b) => a.start - b.start)) {
    if (runStart >= 0 && e.start - runEnd < 5 * 60_000) runEnd = Math.max(runEnd, e.end);
    else {
      runStart = e.start;
      runEnd = e.end;
    }
    best = Math.max(best, (runEnd - runStart) / 60_000);
  }
  return best;
}
