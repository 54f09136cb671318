import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME } from '../defaults';
import type { Preferences, QuietTimePreferences, TimeZoneRef } from '../types';
import { allDay, at, makePerson, timed, zoneFor } from '../testing/fixtures';
import { toLocalDateTime } from '../time/zone';
import type { Zone } from '../time/zone';
import type { Suggestion } from './suggestion-types';
import { suggest } from './suggest';

const berlinRef: TimeZoneRef = { kind: 'windows', name: 'W. Europe Standard Time' };
const laRef: TimeZoneRef = { kind: 'iana', name: 'America/Los_Angeles' };
const customRef: TimeZoneRef = { kind: 'custom', name: 'Customized Time Zone', custom: { bias: -200 } };
const berlin = zoneFor(berlinRef);
const la = zoneFor(laRef);
const custom = zoneFor(customRef);
const everyDay = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const noQuiet: QuietTimePreferences = { ...DEFAULT_QUIET_TIME, enabled: false };
const prefs = (p: Partial<Preferences> = {}): Preferences => ({ ...DEFAULT_PREFERENCES, ...p });

/** "HH:mm–HH:mm" of a suggestion in a zone, for readable expectations. */
const local = (zone: Zone, s: Pick<Suggestion, 'start' | 'end'>) => `${toLocalDateTime(s.start, zone).date} ${toLocalDateTime(s.start, zone).time}–${toLocalDateTime(s.end, zone).time}`;
const blocks = (r: { suggestions: Suggestion[] }) => r.suggestions.filter((s) => s.kind !== 'quiet-time');

describe('disconnect blocks', () => {
  const person = makePerson(berlinRef);

  it('follow a long run of meetings first, after the buffer, and say why', () => {
    const events = [
      timed(berlin, '2026-03-10 08:00', '2026-03-10 09:00'),
      timed(berlin, '2026-03-10 09:00', '2026-03-10 10:30'),
      timed(berlin, '2026-03-10 10:32', '2026-03-10 11:00'),
      timed(berlin, '2026-03-10 15:00', '2026-03-10 16:00'),
    ];
    const r = suggest({ person, events, preferences: prefs({ lunch: null }), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(r).map((s) => [local(berlin, s), s.reason, s.explanation])).toEqual([
      ['2026-03-10 11:15–12:45', 'after-meeting-streak', 'After 3 h of back-to-back meetings, take 1 h 30 min offline.'],
    ]);
    expect(r.suggestions[0]?.gap).toEqual({ start: at(berlin, '2026-03-10 11:10'), end: at(berlin, '2026-03-10 14:50') });
    expect(r.suggestions[0]?.id).toMatch(/^sg_[0-9a-f]{28}$/);
  });

  it.each([
    ['morning', '2026-03-10 09:00–10:30', 'preferred-time-of-day'],
    ['afternoon', '2026-03-10 13:00–14:30', 'preferred-time-of-day'],
    ['any', '2026-03-10 09:00–10:30', 'daily-target'],
  ] as const)('respect the preferred time of day: %s', (preferredTimeOfDay, expected, reason) => {
    const r = suggest({ person, events: [], preferences: prefs({ preferredTimeOfDay }), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(r).map((s) => [local(berlin, s), s.reason])).toEqual([[expected, reason]]);
  });

  it('keep the buffer to meetings, stay out of lunch, and split the target within min/max lengths', () => {
    const events = [
      timed(berlin, '2026-03-10 09:00', '2026-03-10 10:00'),
      timed(berlin, '2026-03-10 10:50', '2026-03-10 11:30'),
      timed(berlin, '2026-03-10 13:40', '2026-03-10 17:00'),
    ];
    // Free: 10:10–10:40, 11:40–12:00, 13:00–13:30 (buffer 10, lunch 12–13). Target 60, blocks 20–30 min.
    const r = suggest({ person, events, preferences: prefs({ dailyDisconnectTargetMinutes: 60, minBlockMinutes: 20, maxBlockMinutes: 30, lunch: { start: '12:00', end: '13:00' } }), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(r).map((s) => local(berlin, s))).toEqual(['2026-03-10 10:10–10:40', '2026-03-10 13:00–13:30']);
    expect(blocks(r).every((s) => s.durationMinutes >= 20 && s.durationMinutes <= 30)).toBe(true);
  });

  it('count blocks already booked toward the target', () => {
    const booked = [timed(berlin, '2026-03-10 14:00', '2026-03-10 15:00', { isUnplugBlock: true })];
    const r = suggest({ person, events: booked, preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(r).map((s) => [local(berlin, s), s.explanation])).toEqual([
      ['2026-03-10 09:00–09:30', '30 min of free time for the 30 min still missing from your 1 h 30 min daily disconnect target.'],
    ]);
    const full = suggest({ person, events: [...booked, timed(berlin, '2026-03-10 09:00', '2026-03-10 09:30', { isUnplugBlock: true })], preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(full)).toEqual([]);
    const fromStore = suggest({ person, events: [], blocks: [{ start: at(berlin, '2026-03-10 14:00'), end: at(berlin, '2026-03-10 15:30') }], preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(blocks(fromStore)).toEqual([]);
  });

  it('never start before now, and say nothing when the day is over', () => {
    const r = suggest({ person, events: [], preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 13:07'), days: 1 });
    expect(blocks(r).map((s) => local(berlin, s))).toEqual(['2026-03-10 13:15–14:45']);
    expect(r.suggestions[0]?.gap.start).toBe(at(berlin, '2026-03-10 13:07'));
    const late = suggest({ person, events: [], preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 16:50'), days: 2 });
    expect(blocks(late).map((s) => local(berlin, s))).toEqual(['2026-03-11 09:00–10:30']);
  });

  it('never on a day with an all-day out-of-office event', () => {
    const r = suggest({ person, events: [allDay(berlin, '2026-03-11', '2026-03-12')], preferences: prefs(), quietTime: DEFAULT_QUIET_TIME, now: at(berlin, '2026-03-10 07:00'), days: 3 });
    expect(r.suggestions.filter((s) => s.kind !== 'quiet-time').map((s) => s.date)).toEqual(['2026-03-10', '2026-03-12']);
    const wednesday = { start: at(berlin, '2026-03-11 00:00'), end: at(berlin, '2026-03-12 00:00') };
    expect(r.suggestions.filter((s) => s.start < wednesday.end && wednesday.start < s.end)).toEqual([]);
  });

  it('skip dismissed suggestions and offer another slot', () => {
    const input = { person, events: [], preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 };
    const first = suggest(input);
    const dismissed = first.suggestions[0]?.id as string;
    const second = suggest({ ...input, dismissedIds: [dismissed] });
    expect(second.suggestions.map((s) => s.id)).not.toContain(dismissed);
    expect(blocks(first).map((s) => local(berlin, s))).toEqual(['2026-03-10 09:00–10:30']);
    expect(blocks(second).map((s) => local(berlin, s))).toEqual(['2026-03-10 10:30–12:00']);
  });

  it('are deterministic, whatever the order of events', () => {
    const events = [timed(berlin, '2026-03-10 10:00', '2026-03-10 11:00'), timed(berlin, '2026-03-11 14:00', '2026-03-11 16:00'), allDay(berlin, '2026-03-12', '2026-03-13')];
    const input = { person, preferences: prefs(), quietTime: DEFAULT_QUIET_TIME, now: at(berlin, '2026-03-10 07:00'), days: 5 };
    const a = suggest({ ...input, events });
    const b = suggest({ ...input, events: [...events].reverse() });
    expect(b).toEqual(a);
    const other = suggest({ ...input, events, person: { ...person, userId: 'someone-else' } });
    expect(other.suggestions.map((s) => s.id)).not.toEqual(a.suggestions.map((s) => s.id));
  });
});

describe('zones and DST', () => {
  it('plan LA’s spring-forward Sunday in PDT', () => {
    const person = makePerson(laRef, { daysOfWeek: [...everyDay] });
    const r = suggest({ person, events: [timed(la, '2026-03-08 09:00', '2026-03-08 11:00')], preferences: prefs({ lunch: null }), quietTime: noQuiet, now: Date.UTC(2026, 2, 8, 8), days: 1 });
    expect(blocks(r).map((s) => [local(la, s), new Date(s.start).toISOString()])).toEqual([['2026-03-08 11:15–12:45', '2026-03-08T18:15:00.000Z']]);
  });

  it('plan Berlin’s fall-back Sunday in CET', () => {
    const person = makePerson(berlinRef, { daysOfWeek: [...everyDay] });
    const r = suggest({ person, events: [], preferences: prefs(), quietTime: noQuiet, now: Date.UTC(2026, 9, 25, 0), days: 1 });
    expect(blocks(r).map((s) => new Date(s.start).toISOString())).toEqual(['2026-10-25T08:00:00.000Z']);
  });

  it('align to local quarter hours in a custom UTC+3:20 zone', () => {
    const person = makePerson(customRef);
    const r = suggest({ person, events: [timed(custom, '2026-03-10 09:00', '2026-03-10 10:07')], preferences: prefs(), quietTime: noQuiet, now: at(custom, '2026-03-10 06:00'), days: 1 });
    expect(blocks(r).map((s) => local(custom, s))).toEqual(['2026-03-10 10:30–12:00']);
  });

  it('keep a night shift’s blocks inside 22:00–06:00', () => {
    const person = makePerson(berlinRef, { startTime: '22:00', endTime: '06:00' });
    const r = suggest({ person, events: [timed(berlin, '2026-03-10 22:00', '2026-03-11 01:00')], preferences: prefs({ lunch: null }), quietTime: noQuiet, now: at(berlin, '2026-03-10 12:00'), days: 1 });
    expect(blocks(r).map((s) => [local(berlin, s), s.reason])).toEqual([['2026-03-11 01:15–02:45', 'after-meeting-streak']]);
  });
});

describe('recovery', () => {
  const person = makePerson(berlinRef);

  it('suggests a later start after an evening of meetings', () => {
    const events = [timed(berlin, '2026-03-09 19:00', '2026-03-09 21:00')];
    const r = suggest({ person, events, preferences: prefs(), quietTime: noQuiet, now: at(berlin, '2026-03-10 07:00'), days: 1 });
    expect(r.suggestions.map((s) => [s.kind, local(berlin, s), s.reason, s.explanation])).toEqual([
      ['recovery', '2026-03-10 09:00–10:30', 'after-hours-meetings', 'After 2 h of meetings outside your working hours yesterday, start 1 h 30 min later.'],
    ]);
  });

  it('suggests a break instead when the morning is booked, and names the day across a weekend', () => {
    const events = [
      timed(berlin, '2026-03-06 09:00', '2026-03-06 13:00'), // Friday: 4 h run
      timed(berlin, '2026-03-09 09:00', '2026-03-09 10:00'), // Monday morning booked
    ];
    const r = suggest({ person, events, preferences: prefs({ lunch: null }), quietTime: noQuiet, now: at(berlin, '2026-03-09 07:00'), days: 1 });
    expect(r.suggestions.map((s) => [s.kind, local(berlin, s), s.reason, s.explanation])).toEqual([
      ['recovery', '2026-03-09 10:15–11:15', 'long-meeting-streak', 'After 4 h of back-to-back meetings on Friday, take 1 h to recover.'],
      ['disconnect-block', '2026-03-09 11:30–12:00', 'daily-target', '30 min of free time for the 30 min still missing from your 1 h 30 min daily disconnect target.'],
    ]);
  });
});

describe('quiet time', () => {
  const person = makePerson(berlinRef);

  it('suggests evening and weekend windows; warns only about meetings inside windows that are on', () => {
    const events = [timed(berlin, '2026-03-12 19:00', '2026-03-12 19:45', { id: 'late-call' })]; // under the recovery threshold
    const input = { person, events, preferences: prefs({ dailyDisconnectTargetMinutes: 0 }), quietTime: DEFAULT_QUIET_TIME, now: at(berlin, '2026-03-12 07:00'), days: 2 };
    const r = suggest(input);
    expect(r.suggestions.map((s) => [s.kind, `${local(berlin, s)} → ${toLocalDateTime(s.end, berlin).date}`, s.reason, s.explanation])).toEqual([
      // A window, not a calendar block: the evening call inside it is a warning, not a cut.
      ['quiet-time', '2026-03-12 17:30–09:00 → 2026-03-13', 'evening', 'An evening offline, from 30 min after work until you start again.'],
      ['quiet-time', '2026-03-13 17:30–09:00 → 2026-03-16', 'weekend', 'Your days off, offline from the end of your last working day until you start again.'],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.quietWindowsOn).toEqual([]);

    // Every evening turned on: evenings are no longer suggested, they are on, and they warn.
    const everyEvening = suggest({ ...input, quietChoices: [{ id: 'every-evening', repeat: 'every', kind: 'evening', start: at(berlin, '2026-03-01 00:00'), end: null }] });
    expect(everyEvening.suggestions.map((s) => s.reason)).toEqual(['weekend']);
    expect(everyEvening.quietWindowsOn.map((w) => w.kind)).toEqual(['evening', 'evening']); // this morning's end of last evening, and tonight
    expect(everyEvening.warnings.map((w) => [w.eventId, w.overlapMinutes, w.explanation, w.window.kind])).toEqual([
      ['late-call', 45, 'A meeting takes 45 min of your evening quiet time.', 'evening'],
    ]);

    // The weekend turned on once: only that window.
    const weekend = r.suggestions[1] as Suggestion;
    const once = suggest({ ...input, quietChoices: [{ id: weekend.id, repeat: 'once', kind: 'weekend', start: weekend.start, end: weekend.end }] });
    expect(once.suggestions.map((s) => s.reason)).toEqual(['evening']);
    expect(once.quietWindowsOn).toEqual([{ start: weekend.start, end: weekend.end, kind: 'weekend', choiceId: weekend.id }]);
    expect(once.warnings).toEqual([]);
  });

  it('suggests none, and warns of none, when quiet time is off', () => {
    const events = [timed(berlin, '2026-03-12 19:00', '2026-03-12 19:45')];
    const r = suggest({ person, events, preferences: prefs({ dailyDisconnectTargetMinutes: 0 }), quietTime: noQuiet, now: at(berlin, '2026-03-12 07:00'), days: 2 });
    expect(r).toMatchObject({ suggestions: [], warnings: [] });
  });
});
