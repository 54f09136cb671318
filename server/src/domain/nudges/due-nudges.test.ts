import { describe, expect, it } from 'vitest';
import { at, makePerson, zoneFor } from '../testing/fixtures';
import { quietWindows } from '../suggestions/quiet-time';
import type { Interval, TimeZoneRef } from '../types';
import { dueNudges, type NudgeSituation } from './due-nudges';
import type { NudgeKind, NudgePreferences } from './nudge-types';
import { shiftsAround } from './shifts-around';

// Week of Monday 2026-03-02. Berlin is UTC+1 until 29 March.
const berlinRef: TimeZoneRef = { kind: 'iana', name: 'Europe/Berlin' };
const berlin = zoneFor(berlinRef);
const t = (local: string) => at(berlin, local);
const ALL: NudgePreferences = { startingSoon: true, longDay: true, weeklySummary: true };
const QUIET = { eveningBufferMinutes: 30, weekends: true };

function situation(now: number, options: { blocks?: Interval[]; quiet?: boolean; preferences?: Partial<NudgePreferences>; sent?: NudgeKind[]; ref?: TimeZoneRef; hours?: Parameters<typeof makePerson>[1] } = {}): NudgeSituation {
  const ref = options.ref ?? berlinRef;
  const zone = zoneFor(ref);
  const person = makePerson(ref, options.hours);
  const around = { start: now - 3 * 86_400_000, end: now + 86_400_000 };
  return {
    now,
    zone,
    preferences: { ...ALL, ...options.preferences },
    shifts: shiftsAround(person.workingHours, zone, now),
    quietWindows: options.quiet === false ? [] : quietWindows(person, QUIET, around, zone),
    blocks: options.blocks ?? [],
    sentToday: new Set(options.sent ?? []),
  };
}
const kinds = (s: NudgeSituation) => dueNudges(s).map((n) => n.kind);
const block = { start: t('2026-03-03 15:30'), end: t('2026-03-03 16:30') };

describe('dueNudges: a block or quiet window starting in 5 minutes', () => {
  it.each([
    ['6 minutes before: not yet', '2026-03-03 15:24', []],
    ['5 minutes before', '2026-03-03 15:25', ['starting-soon']],
    ['1 minute before', '2026-03-03 15:29', ['starting-soon']],
    ['at the start: too late (inside the block)', '2026-03-03 15:30', []],
  ])('%s', (_name, local, expected) => {
    expect(kinds(situation(t(local), { blocks: [block] }))).toEqual(expected);
  });

  it('names the block, its local date and the whole stretch', () => {
    expect(dueNudges(situation(t('2026-03-03 15:27'), { blocks: [block] }))).toEqual([
      { kind: 'starting-soon', date: '2026-03-03', window: { ...block, kind: 'block' } },
    ]);
  });

  it('announces evening quiet time outside working hours (the one exception)', () => {
    const due = dueNudges(situation(t('2026-03-03 17:26')));
    expect(due).toEqual([{ kind: 'starting-soon', date: '2026-03-03', window: { start: t('2026-03-03 17:30'), end: t('2026-03-04 09:00'), kind: 'evening' } }]);
  });

  it('announces the weekend on Friday evening', () => {
    expect(dueNudges(situation(t('2026-03-06 17:28'))).map((n) => n.kind === 'starting-soon' && n.window.kind)).toEqual(['weekend']);
  });

  it('never inside quiet time: a block at the start of the day is not announced from the night before', () => {
    const early = { start: t('2026-03-03 09:00'), end: t('2026-03-03 10:00') };
    expect(kinds(situation(t('2026-03-03 08:57'), { blocks: [early] }))).toEqual([]);
    // Quiet time off: 08:57 is still outside working hours.
    expect(kinds(situation(t('2026-03-03 08:57'), { blocks: [early], quiet: false }))).toEqual([]);
  });

  it('a block that runs into quiet time is one stretch, announced once as a block', () => {
    const late = { start: t('2026-03-03 16:30'), end: t('2026-03-03 17:30') };
    expect(kinds(situation(t('2026-03-03 17:26'), { blocks: [late] }))).toEqual([]);
    expect(dueNudges(situation(t('2026-03-03 16:26'), { blocks: [late] }))).toMatchObject([{ window: { start: late.start, end: t('2026-03-04 09:00'), kind: 'block' } }]);
  });

  it('only when opted in, and at most once a day', () => {
    expect(kinds(situation(t('2026-03-03 15:27'), { blocks: [block], preferences: { startingSoon: false } }))).toEqual([]);
    expect(kinds(situation(t('2026-03-03 15:27'), { blocks: [block], sent: ['starting-soon'] }))).toEqual([]);
  });
});

describe('dueNudges: the end of the day and of the week', () => {
  it.each([
    ['Tuesday 16:29: too early', '2026-03-03 16:29', []],
    ['Tuesday 16:30: the last half hour', '2026-03-03 16:30', ['long-day']],
    ['Tuesday 16:59', '2026-03-03 16:59', ['long-day']],
    ['Tuesday 17:00: the day is over', '2026-03-03 17:00', []],
    ['Friday 16:45: the week’s last shift', '2026-03-06 16:45', ['long-day', 'weekly-summary']],
    ['Saturday 16:45: no shift', '2026-03-07 16:45', []],
  ])('%s', (_name, local, expected) => {
    expect(kinds(situation(t(local)))).toEqual(expected);
  });

  it('the weekly summary names its week', () => {
    expect(dueNudges(situation(t('2026-03-06 16:45'), { preferences: { longDay: false } }))).toEqual([
      { kind: 'weekly-summary', date: '2026-03-06', shift: { start: t('2026-03-06 09:00'), end: t('2026-03-06 17:00') }, weekStart: '2026-03-02' },
    ]);
  });

  it('never inside a protected block', () => {
    const lastHalfHour = { start: t('2026-03-03 16:30'), end: t('2026-03-03 17:00') };
    expect(kinds(situation(t('2026-03-03 16:45'), { blocks: [lastHalfHour] }))).toEqual([]);
  });

  it('a four-day week ends on Thursday', () => {
    const hours = { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'] as const };
    expect(kinds(situation(t('2026-03-05 16:45'), { hours: { daysOfWeek: [...hours.daysOfWeek] }, preferences: { longDay: false } }))).toEqual(['weekly-summary']);
  });

  it('a night shift (22:00–06:00, Mon–Fri, New York) ends its week on Saturday morning', () => {
    const ny: TimeZoneRef = { kind: 'iana', name: 'America/New_York' };
    const nyAt = (local: string) => at(zoneFor(ny), local);
    const s = (local: string) => situation(nyAt(local), { ref: ny, hours: { startTime: '22:00', endTime: '06:00' }, quiet: false });
    expect(dueNudges(s('2026-03-07 05:40'))).toMatchObject([{ kind: 'long-day', date: '2026-03-07' }, { kind: 'weekly-summary', weekStart: '2026-03-02' }]);
    expect(kinds(s('2026-03-06 05:40'))).toEqual(['long-day']);
  });

  it('each kind at most once a day', () => {
    expect(kinds(situation(t('2026-03-06 16:45'), { sent: ['long-day'] }))).toEqual(['weekly-summary']);
    expect(kinds(situation(t('2026-03-06 16:45'), { sent: ['long-day', 'weekly-summary'] }))).toEqual([]);
  });
});
