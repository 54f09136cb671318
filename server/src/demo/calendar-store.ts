import { compareEvents, generateCalendar } from './calendar-generator';
import type { DemoEvent } from './demo-event';
import { Lru } from './lru';
import type { DemoOrg, DemoPerson } from './org';
import { stableItemId } from './prng';

/** One change to a mailbox, in the order they happened (feeds calendarView delta and, later, notifications). */
export interface CalendarChange {
  seq: number;
  personId: string;
  kind: 'upsert' | 'delete';
  /** The event after the change; for a deletion, as it was. */
  event: DemoEvent;
}

export type CalendarChangeListener = (change: CalendarChange) => void;

/** What the API changed in one mailbox; the seeded calendar underneath is regenerated at will. */
interface Overlay {
  created: Map<string, DemoEvent>;
  replaced: Map<string, DemoEvent>;
  deleted: Set<string>;
  byTransactionId: Map<string, string>;
  changes: CalendarChange[];
}

interface FullCalendar {
  events: DemoEvent[];
  byId: Map<string, DemoEvent>;
}

export interface CalendarStoreOptions {
  /** Whole calendars kept in memory (each ~200 events). Default 500. */
  calendarCacheSize?: number;
  /** Single person-days kept for presence lookups. Default 20,000. */
  dayCacheSize?: number;
}

const DAY = 86_400_000;
/** Longest seeded event; bounds the scan back from a range's start. */
const LONGEST_EVENT = 2 * DAY;

/**
 * Every mailbox's calendar: the seeded events (generated lazily, dropped and rebuilt as memory
 * needs) with the API's creations, updates and deletions on top. Changes persist while the process
 * runs.
 */
export class CalendarStore {
  private readonly overlays = new Map<string, Overlay>();
  private readonly calendars: Lru<string, FullCalendar>;
  private readonly days: Lru<string, DemoEvent[]>;
  private readonly listeners = new Set<CalendarChangeListener>();
  private seq = 0;

  constructor(private readonly org: DemoOrg, options: CalendarStoreOptions = {}) {
    this.calendars = new Lru(options.calendarCacheSize ?? 500);
    this.days = new Lru(options.dayCacheSize ?? 20_000);
  }

  /** The latest change number, tenant-wide (a delta token remembers it). */
  get currentSeq(): number {
    return this.seq;
  }

  /** Events overlapping `[from, to)`, sorted by start, with the API's changes applied. */
  list(person: DemoPerson, from: number, to: number): DemoEvent[] {
    const seeded = to - from <= 2 * DAY && !this.calendars.get(person.id) ? this.fromDays(person, from, to) : this.fromCalendar(person, from, to);
    const overlay = this.overlays.get(person.id);
    if (!overlay) return seeded;
    const out = seeded
      .filter((e) => !overlay.deleted.has(e.id))
      .map((e) => overlay.replaced.get(e.id) ?? e)
      .filter((e) => overlaps(e, from, to));
    for (const e of overlay.created.values()) if (overlaps(e, from, to)) out.push(e);
    return out.sort(compareEvents);
  }

  get(person: DemoPerson, id: string): DemoEvent | undefined {
    const overlay = this.overlays.get(person.id);
    if (overlay?.deleted.has(id)) return undefined;
    return overlay?.created.get(id) ?? overlay?.replaced.get(id) ?? this.calendar(person).byId.get(id);
  }

  /** The live event created with `transactionId`, if any. */
  findByTransactionId(person: DemoPerson, transactionId: string): DemoEvent | undefined {
    const id = this.overlays.get(person.id)?.byTransactionId.get(transactionId);
    return id === undefined ? undefined : this.get(person, id);
  }

  /** Adds an event built by `build` from its new id. */
  create(person: DemoPerson, build: (id: string) => DemoEvent): DemoEvent {
    const overlay = this.overlay(person);
    const event = build(stableItemId(`${person.id}/created/${this.seq + 1}/${overlay.created.size}`));
    overlay.created.set(event.id, event);
    if (event.transactionId) overlay.byTransactionId.set(event.transactionId, event.id);
    this.record(person, 'upsert', event);
    return event;
  }

  /** Replaces an existing event; `undefined` if there is none with that id. */
  update(person: DemoPerson, id: string, change: (current: DemoEvent) => DemoEvent): DemoEvent | undefined {
    const current = this.get(person, id);
    if (!current) return undefined;
    const next = change(current);
    const overlay = this.overlay(person);
    if (overlay.created.has(id)) overlay.created.set(id, next);
    else overlay.replaced.set(id, next);
    this.record(person, 'upsert', next);
    return next;
  }

  delete(person: DemoPerson, id: string): boolean {
    const current = this.get(person, id);
    if (!current) return false;
    const overlay = this.overlay(person);
    if (overlay.created.delete(id)) {
      if (current.transactionId) overlay.byTransactionId.delete(current.transactionId);
    } else {
      overlay.replaced.delete(id);
      overlay.deleted.add(id);
    }
    this.record(person, 'delete', current);
    return true;
  }

  /** The person's changes after change number `seq`, oldest first. */
  changesSince(person: DemoPerson, seq: number): CalendarChange[] {
    return (this.overlays.get(person.id)?.changes ?? []).filter((c) => c.seq > seq);
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: CalendarChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(person: DemoPerson, kind: CalendarChange['kind'], event: DemoEvent): void {
    const change = { seq: ++this.seq, personId: person.id, kind, event };
    this.overlay(person).changes.push(change);
    for (const listener of this.listeners) listener(change);
  }

  private overlay(person: DemoPerson): Overlay {
    let overlay = this.overlays.get(person.id);
    if (!overlay) {
      overlay = { created: new Map(), replaced: new Map(), deleted: new Set(), byTransactionId: new Map(), changes: [] };
      this.overlays.set(person.id, overlay);
    }
    return overlay;
  }

  private calendar(person: DemoPerson): FullCalendar {
    let calendar = this.calendars.get(person.id);
    if (!calendar) {
      const events = generateCalendar(this.org, person);
      calendar = { events, byId: new Map(events.map((e) => [e.id, e])) };
      this.calendars.set(person.id, calendar);
    }
    return calendar;
  }

  private fromCalendar(person: DemoPerson, from: number, to: number): DemoEvent[] {
    const { events } = this.calendar(person);
    const out: DemoEvent[] = [];
    for (let i = firstStartingAtOrAfter(events, from - LONGEST_EVENT); i < events.length && events[i]!.start < to; i++) {
      if (overlaps(events[i]!, from, to)) out.push(events[i]!);
    }
    return out;
  }

  /** Seeded events of a short range from per-day pieces: presence lookups never build whole calendars. */
  private fromDays(person: DemoPerson, from: number, to: number): DemoEvent[] {
    const seen = new Map<string, DemoEvent>();
    for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
      const key = `${person.id}|${day}`;
      let events = this.days.get(key);
      if (!events) {
        events = generateCalendar(this.org, person, { from: day * DAY, to: (day + 1) * DAY });
        this.days.set(key, events);
      }
      for (const e of events) if (overlaps(e, from, to)) seen.set(e.id, e);
    }
    return [...seen.values()].sort(compareEvents);
  }
}

/** Half-open overlap; a zero-length event counts when it sits inside the range. */
export function overlaps(e: Pick<DemoEvent, 'start' | 'end'>, from: number, to: number): boolean {
  return e.start === e.end ? e.start >= from && e.start < to : e.start < to && e.end > from;
}

function firstStartingAtOrAfter(events: readonly DemoEvent[], instant: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.start < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
