import { describe, expect, it } from 'vitest';
import { generateCalendar } from './calendar-generator';
import { CalendarStore, type CalendarChange } from './calendar-store';
import type { DemoEvent } from './demo-event';
import { createOrg } from './org';

const SEED_NOW = Date.parse('2025-03-05T12:00:00Z');
const DAY = 86_400_000;
const org = createOrg({ seedNow: SEED_NOW });
const person = org.people[2]!;
const week = { from: org.window.weekStart, to: org.window.weekStart + 7 * DAY };

function block(id: string, start: number, transactionId?: string): DemoEvent {
  return {
    id, iCalUId: `uid-${id}`, subject: 'Unplugged', bodyPreview: '', start, end: start + 3_600_000, isAllDay: false, originalTimeZone: 'UTC',
    showAs: 'busy', response: 'organizer', isCancelled: false, isOrganizer: true, organizer: { name: person.displayName, address: person.mail },
    attendees: [], type: 'singleInstance', categories: ['Unplug'], isReminderOn: false, reminderMinutesBeforeStart: 15, isOnlineMeeting: false,
    importance: 'normal', sensitivity: 'normal', createdAt: SEED_NOW, modifiedAt: SEED_NOW, version: 1, presenceHint: 'meeting',
    ...(transactionId ? { transactionId } : {}),
  };
}

describe('CalendarStore', () => {
  it('serves the seeded calendar, the same from whole calendars and from single days', () => {
    const store = new CalendarStore(org);
    const seeded = generateCalendar(org, person).filter((e) => e.start < week.to && e.end > week.from);
    expect(store.list(person, week.from, week.to)).toEqual(seeded);
    const fresh = new CalendarStore(org);
    const day = { from: week.from + 2 * DAY, to: week.from + 3 * DAY };
    expect(fresh.list(person, day.from, day.to).map((e) => e.id)).toEqual(seeded.filter((e) => e.start < day.to && e.end > day.from).map((e) => e.id));
  });

  it('keeps created, updated and deleted events on top of the seed, even when the seed is evicted', () => {
    const store = new CalendarStore(org, { calendarCacheSize: 1, dayCacheSize: 1 });
    const created = store.create(person, (id) => block(id, week.from + DAY + 10 * 3_600_000, 'tx-1'));
    const victim = store.list(person, week.from, week.to).find((e) => e.id !== created.id)!;
    expect(store.delete(person, victim.id)).toBe(true);
    const target = store.list(person, week.from, week.to).find((e) => e.id !== created.id)!;
    store.update(person, target.id, (e) => ({ ...e, subject: 'Moved', start: e.start + 3_600_000, end: e.end + 3_600_000, version: e.version + 1 }));

    store.list(org.people[3]!, week.from, week.to); // evicts this person's seed from the cache
    const after = store.list(person, week.from, week.to);
    expect(after.map((e) => e.id)).toContain(created.id);
    expect(after.map((e) => e.id)).not.toContain(victim.id);
    expect(after.find((e) => e.id === target.id)?.subject).toBe('Moved');
    expect(store.get(person, victim.id)).toBeUndefined();
    expect(store.findByTransactionId(person, 'tx-1')?.id).toBe(created.id);
  });

  it('records changes in order and tells listeners', () => {
    const store = new CalendarStore(org);
    const heard: CalendarChange[] = [];
    const stop = store.onChange((c) => heard.push(c));
    const before = store.currentSeq;
    const created = store.create(person, (id) => block(id, week.from + DAY, 'tx-2'));
    store.delete(person, created.id);
    stop();
    store.create(person, (id) => block(id, week.from + 2 * DAY));
    expect(heard.map((c) => c.kind)).toEqual(['upsert', 'delete']);
    expect(store.changesSince(person, before).map((c) => c.kind)).toEqual(['upsert', 'delete', 'upsert']);
    expect(store.changesSince(person, before + 2)).toHaveLength(1);
    expect(store.findByTransactionId(person, 'tx-2')).toBeUndefined();
    expect(store.changesSince(org.people[0]!, before)).toEqual([]);
  });

  it('answers unknown ids with nothing', () => {
    const store = new CalendarStore(org);
    expect(store.get(person, 'AAMkADnope=')).toBeUndefined();
    expect(store.delete(person, 'AAMkADnope=')).toBe(false);
    expect(store.update(person, 'AAMkADnope=', (e) => e)).toBeUndefined();
  });
});
