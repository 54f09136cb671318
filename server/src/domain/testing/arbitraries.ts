/**
 * fast-check generators for property tests of the domain: a person in one of several zones
 * (IANA, Windows-named, custom), working hours that may cross midnight, a week of events around
 * a 2026 DST change, presence, preferences, and `now`.
 */
import fc from 'fast-check';
import type { Availability, CalendarEvent, PresenceInterval, Person, Preferences, QuietTimePreferences, ShowAs, TimeZoneRef, WorkingHours } from '../types';
import { DAY_MS, MINUTE_MS, addDays } from '../time/local-date';
import { zoneFor } from './fixtures';
import { startOfLocalDay } from '../time/zone';

export const ZONES: TimeZoneRef[] = [
  { kind: 'iana', name: 'Europe/Berlin' },
  { kind: 'iana', name: 'America/Los_Angeles' },
  { kind: 'windows', name: 'Pacific Standard Time' },
  { kind: 'windows', name: 'W. Europe Standard Time' },
  { kind: 'windows', name: 'India Standard Time' },
  { kind: 'iana', name: 'Australia/Lord_Howe' },
  {
    kind: 'custom',
    name: 'Customized Time Zone',
    custom: {
      bias: -200,
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5, year: 0 },
      daylightOffset: { time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, year: 0, daylightBias: -100 },
    },
  },
  {
    kind: 'custom',
    name: 'Customized Time Zone',
    custom: {
      bias: -60,
      standardOffset: { time: '03:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10 },
      daylightOffset: { time: '02:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, daylightBias: -60 },
    },
  },
];

/** Mondays of weeks around the 2026 DST changes in Los Angeles (Mar 8, Nov 1) and Berlin (Mar 29, Oct 25), and a plain week. */
export const WEEKS = ['2026-03-02', '2026-03-09', '2026-03-23', '2026-03-30', '2026-06-15', '2026-10-19', '2026-10-26'];

const DAYS: WorkingHours['daysOfWeek'] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const arbWorkingHours = (timeZone: TimeZoneRef): fc.Arbitrary<WorkingHours> => fc.record({
  daysOfWeek: fc.subarray(DAYS, { minLength: 1 }),
  startTime: fc.constantFrom('06:00', '08:00', '09:00', '09:30', '13:00', '22:00'),
  endTime: fc.constantFrom('12:00', '17:00', '17:30', '18:00', '02:00', '06:00', '22:00'),
  timeZone: fc.constant(timeZone),
});

export const arbPreferences: fc.Arbitrary<Preferences> = fc.record({
  minBlockMinutes: fc.constantFrom(15, 30, 45),
  extra: fc.constantFrom(0, 15, 45, 90),
  dailyDisconnectTargetMinutes: fc.constantFrom(0, 30, 90, 150, 240),
  preferredTimeOfDay: fc.constantFrom('morning' as const, 'afternoon' as const, 'any' as const),
  bufferMinutes: fc.constantFrom(0, 5, 10, 30),
  lunch: fc.constantFrom(null, { start: '12:00', end: '13:00' }, { start: '11:30', end: '12:15' }),
}).map(({ extra, ...p }) => ({ ...p, maxBlockMinutes: p.minBlockMinutes + extra, blockSubject: 'Unplugged', blockShowAs: 'busy' as const }));

export const arbQuietTime: fc.Arbitrary<QuietTimePreferences> = fc.record({
  enabled: fc.boolean(),
  eveningBufferMinutes: fc.constantFrom(0, 30, 120),
  weekends: fc.boolean(),
  autoStatus: fc.constant(false),
  statusMessage: fc.constant('Unplugged until {until}'),
  preferredPresence: fc.constant(null),
});

const SHOW_AS: ShowAs[] = ['busy', 'busy', 'busy', 'tentative', 'free', 'oof', 'workingElsewhere', 'unknown'];

/** Events on a 5-minute grid from two days before the week to two days after it. */
function arbEvents(timeZone: TimeZoneRef, monday: string, maxEvents: number): fc.Arbitrary<CalendarEvent[]> {
  const zone = zoneFor(timeZone);
  const from = startOfLocalDay(addDays(monday, -2), zone);
  const slots = (11 * DAY_MS) / (5 * MINUTE_MS);
  const timedEvent = fc.record({
    slot: fc.integer({ min: 0, max: slots }),
    length: fc.integer({ min: 1, max: 60 }),
    showAs: fc.constantFrom(...SHOW_AS),
    isCancelled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    declined: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    isUnplugBlock: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  });
  const allDayEvent = fc.record({ day: fc.integer({ min: -2, max: 9 }), days: fc.integer({ min: 1, max: 2 }), showAs: fc.constantFrom<ShowAs>('oof', 'oof', 'free', 'busy', 'workingElsewhere') });
  return fc.tuple(fc.array(timedEvent, { maxLength: maxEvents }), fc.array(allDayEvent, { maxLength: 2 })).map(([timedEvents, allDays]) => [
    ...timedEvents.map((e, k): CalendarEvent => ({
      id: `t${k}`,
      start: from + e.slot * 5 * MINUTE_MS,
      end: from + (e.slot + e.length) * 5 * MINUTE_MS,
      showAs: e.showAs,
      isCancelled: e.isCancelled,
      response: e.declined ? 'declined' : 'accepted',
      isUnplugBlock: e.isUnplugBlock,
    })),
    ...allDays.map((e, k): CalendarEvent => {
      const startDate = addDays(monday, e.day);
      const endDate = addDays(startDate, e.days);
      return { id: `a${k}`, start: Date.parse(`${startDate}T00:00:00Z`), end: Date.parse(`${endDate}T00:00:00Z`), showAs: e.showAs, isCancelled: false, response: 'organizer', isUnplugBlock: false, allDay: { startDate, endDate } };
    }),
  ]);
}

const AVAILABILITY: Availability[] = ['Available', 'Busy', 'Away', 'DoNotDisturb', 'Offline', 'BeRightBack', 'AvailableIdle', 'PresenceUnknown'];

function arbPresence(timeZone: TimeZoneRef, monday: string): fc.Arbitrary<PresenceInterval[]> {
  const from = startOfLocalDay(addDays(monday, -1), zoneFor(timeZone));
  return fc.array(fc.record({
    slot: fc.integer({ min: 0, max: (9 * DAY_MS) / (5 * MINUTE_MS) }),
    length: fc.integer({ min: 1, max: 48 }),
    availability: fc.constantFrom(...AVAILABILITY),
    activity: fc.constantFrom('Available', 'InACall', 'Presenting', 'Away', 'InAMeeting', 'OffWork'),
  }), { maxLength: 25 }).map((list) => {
    // A timeline has no overlaps: keep samples in order, each starting where the last ended at the earliest.
    let cursor = -Infinity;
    return list.sort((a, b) => a.slot - b.slot).flatMap((p) => {
      const start = Math.max(from + p.slot * 5 * MINUTE_MS, cursor);
      const end = from + (p.slot + p.length) * 5 * MINUTE_MS;
      if (end <= start) return [];
      cursor = end;
      return [{ start, end, availability: p.availability, activity: p.activity }];
    });
  });
}

export interface Scenario {
  person: Person;
  monday: string;
  events: CalendarEvent[];
  presence: PresenceInterval[];
  preferences: Preferences;
  quietTime: QuietTimePreferences;
  now: number;
  days: number;
}

/** A person, a week and everything the engine takes, with `now` somewhere in the week. */
export const arbScenario = (maxEvents = 30): fc.Arbitrary<Scenario> => fc.tuple(fc.constantFrom(...ZONES), fc.constantFrom(...WEEKS)).chain(([timeZone, monday]) => fc.record({
  person: arbWorkingHours(timeZone).map((workingHours): Person => ({ tenantId: 'tenant-1', userId: 'user-1', displayName: 'P', workingHours })),
  monday: fc.constant(monday),
  events: arbEvents(timeZone, monday, maxEvents),
  presence: arbPresence(timeZone, monday),
  preferences: arbPreferences,
  quietTime: arbQuietTime,
  now: fc.integer({ min: 0, max: (7 * DAY_MS) / MINUTE_MS }).map((m) => startOfLocalDay(monday, zoneFor(timeZone)) + m * MINUTE_MS),
  days: fc.integer({ min: 1, max: 5 }),
}));
