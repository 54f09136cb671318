import { seriesFor, type SeriesSpec } from './calendar-series';
import type { DemoEvent, DemoResponse, DemoShowAs, PresenceHint } from './demo-event';
import type { DemoOrg, DemoPerson } from './org';
import { createPrng, hashUnit, stableHex, stableItemId, type Prng } from './prng';
import { addDays, localDateAt, wallClockInstant, weekdayOf } from './time-zones';
import { workingDay, workingDayMinutes } from './working-hours';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Template {
  subject: string;
  hint: PresenceHint;
  online: boolean;
}

const CALLS: readonly Template[] = [
  { subject: 'Customer call: Northwind Traders', hint: 'call', online: true },
  { subject: 'Customer call: Fabrikam renewal', hint: 'call', online: true },
  { subject: 'Onboarding session: Tailspin Toys', hint: 'presenting', online: true },
  { subject: 'Escalation review', hint: 'meeting', online: true },
  { subject: 'Pipeline review', hint: 'meeting', online: true },
  { subject: 'Product demo: Wingtip', hint: 'presenting', online: true },
  { subject: 'Community office hours', hint: 'call', online: true },
  { subject: 'Partner check-in: Litware', hint: 'call', online: true },
  { subject: 'Ticket triage', hint: 'meeting', online: false },
  { subject: 'Quarterly business review prep', hint: 'meeting', online: false },
];

/** The owner's name and address as an organiser. */
function self(person: DemoPerson) {
  return { name: person.displayName, address: person.mail };
}

function iCalUIdFor(key: string): string {
  return `040000008200E00074C5B7101A82E00800000000${stableHex(key)}`;
}

/** `windowsZone` for people on a named zone; Outlook's marker for a custom one. */
export function originalZoneName(person: DemoPerson): string {
  return person.windowsZone ?? 'tzone://Microsoft/Custom';
}

/**
 * The seeded calendar of one person, sorted by start: occurrences of the shared series they attend
 * plus their own meetings, for the organisation's window or the part of it that overlaps `range`.
 * A pure function of its inputs, so a calendar can be dropped from memory and built again
 * identically, and one day of it can be built without the rest.
 */
export function generateCalendar(org: DemoOrg, person: DemoPerson, range?: { from: number; to: number }): DemoEvent[] {
  const from = Math.max(org.window.start, range?.from ?? org.window.start);
  const to = Math.min(org.window.end, range?.to ?? org.window.end);
  if (from >= to) return [];
  const created = org.window.start - 7 * DAY;
  const events: DemoEvent[] = [];
  // Ids are hashed only for the events kept (a one-day range builds three days and keeps one).
  const keys = new Map<DemoEvent, string>();
  const base = (key: string, fields: Partial<DemoEvent> & Pick<DemoEvent, 'subject' | 'start' | 'end'>): DemoEvent => {
    const event = make(key, fields);
    keys.set(event, key);
    return event;
  };
  const make = (_key: string, fields: Partial<DemoEvent> & Pick<DemoEvent, 'subject' | 'start' | 'end'>): DemoEvent => ({
    id: '',
    iCalUId: '',
    bodyPreview: '',
    isAllDay: false,
    originalTimeZone: originalZoneName(person),
    showAs: 'busy',
    response: 'organizer',
    isCancelled: false,
    isOrganizer: true,
    organizer: self(person),
    attendees: [],
    type: 'singleInstance',
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    isOnlineMeeting: false,
    importance: 'normal',
    sensitivity: 'normal',
    createdAt: created,
    modifiedAt: created,
    version: 1,
    presenceHint: 'meeting',
    ...fields,
  });

  // Dates a day wider than the range on each side: events that start the day before can still overlap.
  for (const series of seriesFor(org, person)) events.push(...occurrences(org, person, series, base, from - DAY, to + DAY));

  const first = localDateAt(person.zone, from - DAY);
  const last = localDateAt(person.zone, to + DAY);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    events.push(...personalDay(org, person, date, base));
  }
  const full = !range;
  return events
    .filter((e) => e.start >= org.window.start && e.start < org.window.end && (full || (e.end > from && e.start < to) || (e.start === e.end && e.start >= from && e.start < to)))
    .map((e) => {
      const key = keys.get(e)!;
      return { ...e, id: stableItemId(`${person.id}/${key}`), iCalUId: e.iCalUId || iCalUIdFor(key) };
    })
    .sort(compareEvents);
}

export function compareEvents(a: DemoEvent, b: DemoEvent): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type Base = (key: string, fields: Partial<DemoEvent> & Pick<DemoEvent, 'subject' | 'start' | 'end'>) => DemoEvent;

function occurrences(org: DemoOrg, person: DemoPerson, series: SeriesSpec, base: Base, from: number, to: number): DemoEvent[] {
  const out: DemoEvent[] = [];
  const organizer = series.organizer === person;
  const masterId = stableItemId(`${person.id}/${series.key}/master`);
  const first = localDateAt(series.zone, from);
  const last = localDateAt(series.zone, to);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (!series.daysOfWeek.includes(weekdayOf(date))) continue;
    if (series.everyWeeks === 2 && weekNumber(date) % 2 !== 0) continue;
    const start = wallClockInstant(series.zone, date, series.time);
    const key = `${series.key}/${date}`;
    const cancelled = hashUnit('cancelled', key) < 0.03;
    const response = organizer ? 'organizer' : attendeeResponse(person, key);
    out.push(base(key, {
      subject: cancelled ? `Canceled: ${series.subject}` : series.subject,
      start,
      end: start + series.durationMinutes * MINUTE,
      originalTimeZone: originalZoneName(series.organizer),
      showAs: cancelled || response === 'declined' ? 'free' : response === 'tentativelyAccepted' ? 'tentative' : 'busy',
      response,
      isCancelled: cancelled,
      isOrganizer: organizer,
      organizer: self(series.organizer),
      attendees: series.attendeeList,
      type: 'occurrence',
      seriesMasterId: masterId,
      isOnlineMeeting: true,
      presenceHint: series.hint,
    }));
  }
  return out;
}

function attendeeResponse(person: DemoPerson, key: string): DemoResponse {
  const r = hashUnit('response', person.id, key);
  return r < 0.05 ? 'declined' : r < 0.15 ? 'tentativelyAccepted' : 'accepted';
}

/** Whole weeks since the Monday 1970-01-05, for every-other-week series. */
function weekNumber(date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1970, 0, 5)) / (7 * DAY));
}

function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function personalDay(org: DemoOrg, person: DemoPerson, date: string, base: Base): DemoEvent[] {
  const rnd = createPrng(`${person.id}/${date}`);
  const day = workingDay(person, date);
  if (!day) return weekendDay(person, date, rnd, base);

  const out: DemoEvent[] = [];
  const oof = outOfOffice(org, person, date);
  if (oof) {
    out.push(allDay(person, date, oof, base));
    return out;
  }
  const [dayStart] = day;
  const length = workingDayMinutes(person);
  const at = (minutes: number) => dayStart + minutes * MINUTE;
  if (isHeavyDay(org, person, date)) {
    // Back to back: a run of calls with no gap between them.
    let t = 60;
    const count = rnd.int(5, 7);
    for (let i = 0; i < count; i++) {
      const duration = rnd.pick([30, 45, 60]);
      out.push(meeting(person, `${date}/b2b/${i}`, rnd.pick(CALLS), at(t), duration, base));
      t += duration;
    }
  } else {
    const count = Math.round(person.meetingLoad * rnd.int(0, 3));
    for (let i = 0; i < count; i++) {
      const slot = rnd.int(2, Math.max(2, Math.floor(length / 30) - 2)) * 30;
      out.push(meeting(person, `${date}/m/${i}`, rnd.pick(CALLS), at(slot), rnd.pick([30, 30, 60]), base));
    }
  }
  if (rnd.chance(0.3)) {
    out.push(base(`${date}/focus`, { subject: 'Focus time', start: at(length - 150), end: at(length - 150 + rnd.pick([60, 90])), categories: ['Focus'], isReminderOn: false, presenceHint: 'focus' }));
  }
  if (rnd.chance(0.4)) {
    out.push(base(`${date}/lunch`, { subject: 'Lunch', start: at(240), end: at(285), showAs: 'free', isReminderOn: false, sensitivity: 'private' }));
  }
  if (rnd.chance(0.08)) {
    out.push(invited(person, `${date}/optional`, 'Optional: Brown bag on support tooling', at(180), 60, 'tentativelyAccepted', 'tentative', base));
  }
  if (rnd.chance(0.06)) {
    out.push(invited(person, `${date}/declined`, 'All-company training (repeat session)', at(300), 60, 'declined', 'free', base));
  }
  if (rnd.chance(0.05)) {
    out.push(invited(person, `${date}/cancelled`, 'Canceled: Vendor sync', at(120), 30, 'accepted', 'free', base, { isCancelled: true }));
  }
  if (rnd.chance(0.1 + person.afterHoursChance * 0.2)) {
    // An evening call: after the working day, on the person's wall clock.
    out.push(meeting(person, `${date}/evening`, rnd.pick(CALLS), at(length + rnd.int(2, 4) * 60), rnd.pick([30, 45]), base));
  }
  return out;
}

/** One working day a week, not an out-of-office one, is packed with back-to-back calls. */
function isHeavyDay(org: DemoOrg, person: DemoPerson, date: string): boolean {
  const monday = mondayOf(date);
  const candidates = person.workingDays.filter((d) => !outOfOffice(org, person, addDays(monday, (d + 6) % 7)));
  if (candidates.length === 0) return false;
  return candidates[Math.floor(hashUnit('heavy', person.id, monday) * candidates.length)] === weekdayOf(date);
}

function weekendDay(person: DemoPerson, date: string, rnd: Prng, base: Base): DemoEvent[] {
  if (!rnd.chance(0.04)) return [];
  const start = wallClockInstant(person.zone, date, '10:00:00');
  return [base(`${date}/weekend`, { subject: 'On-call check-in', start, end: start + 30 * MINUTE, isOnlineMeeting: true, presenceHint: 'call' })];
}

function meeting(person: DemoPerson, key: string, template: Template, start: number, minutes: number, base: Base): DemoEvent {
  return base(key, {
    subject: template.subject, start, end: start + minutes * MINUTE, isOnlineMeeting: template.online, presenceHint: template.hint,
    attendees: [{ name: person.displayName, address: person.mail, type: 'required' }],
  });
}

function invited(person: DemoPerson, key: string, subject: string, start: number, minutes: number, response: DemoResponse, showAs: DemoShowAs, base: Base, extra: Partial<DemoEvent> = {}): DemoEvent {
  return base(key, {
    ...extra,
    subject, start, end: start + minutes * MINUTE, response, showAs, isOrganizer: false, isOnlineMeeting: true,
    organizer: { name: 'Learning & Development', address: `learning@${person.mail.split('@')[1]}` },
  });
}

interface Absence {
  subject: string;
  showAs: DemoShowAs;
  days: number;
}

/**
 * Whether `date` starts an all-day absence: a fixed one on the Wednesday of the seed week for every
 * twelfth person (so the seeded twelve always show one), otherwise about one week in twelve.
 */
function outOfOffice(org: DemoOrg, person: DemoPerson, date: string): Absence | undefined {
  const seedMonday = localDateAt(person.zone, org.window.weekStart + 12 * 3_600_000);
  if (person.index % 12 === 11 && date === addDays(mondayOf(seedMonday), 2)) return { subject: 'Out of office', showAs: 'oof', days: 1 };
  if (person.index % 12 === 5 && date === addDays(mondayOf(seedMonday), 8)) return { subject: 'Customer onsite', showAs: 'workingElsewhere', days: 1 };
  const week = mondayOf(date);
  if (hashUnit('oof-week', person.id, week) >= 0.08) return undefined;
  const weekday = person.workingDays[Math.floor(hashUnit('oof-day', person.id, week) * person.workingDays.length)];
  return weekday === weekdayOf(date) ? { subject: 'Vacation', showAs: 'oof', days: 1 } : undefined;
}

function allDay(person: DemoPerson, date: string, absence: Absence, base: Base): DemoEvent {
  const endDate = addDays(date, absence.days);
  return base(`${date}/allday`, {
    subject: absence.subject,
    start: wallClockInstant(person.zone, date, '00:00:00'),
    end: wallClockInstant(person.zone, endDate, '00:00:00'),
    isAllDay: true,
    allDay: { startDate: date, endDate },
    showAs: absence.showAs,
    isReminderOn: false,
  });
}
