import { describe, expect, it } from 'vitest';
import type { TimeZoneRef } from '../types';
import { at, makePerson, timed, zoneFor } from '../testing/fixtures';
import { toLocalDateTime } from '../time/zone';
import { DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME } from '../defaults';
import { quietTimeWarnings, quietWindows } from './quiet-time';
import { suggest } from './suggest';
import type { QuietWindow } from './suggestion-types';

const laRef: TimeZoneRef = { kind: 'windows', name: 'Pacific Standard Time' };
const la = zoneFor(laRef);
const person = makePerson(laRef);
const show = (w: QuietWindow) => {
  const s = toLocalDateTime(w.start, la);
  const e = toLocalDateTime(w.end, la);
  return `${w.kind} ${s.date} ${s.time} → ${e.date} ${e.time} (${(w.end - w.start) / 3_600_000} h)`;
};

describe('quietWindows', () => {
  it('joins Friday evening, the weekend and Monday morning — across LA’s spring forward', () => {
    const windows = quietWindows(person, { eveningBufferMinutes: 30, weekends: true }, { from: '2026-03-06', to: '2026-03-09' });
    expect(windows.map(show)).toEqual([
      'evening 2026-03-05 17:30 → 2026-03-06 09:00 (15.5 h)',
      'weekend 2026-03-06 17:30 → 2026-03-09 09:00 (62.5 h)', // 63.5 wall-clock hours, one skipped
      'evening 2026-03-09 17:30 → 2026-03-10 09:00 (15.5 h)',
    ]);
  });

  it('without quiet weekends, ends Friday evening at Saturday’s start time', () => {
    const windows = quietWindows(person, { eveningBufferMinutes: 0, weekends: false }, { from: '2026-03-06', to: '2026-03-08' });
    expect(windows.map(show)).toEqual([
      'evening 2026-03-05 17:00 → 2026-03-06 09:00 (16 h)',
      'evening 2026-03-06 17:00 → 2026-03-07 09:00 (16 h)',
    ]);
  });

  it('for a night shift, is the day between shifts', () => {
    const nights = makePerson(laRef, { startTime: '22:00', endTime: '06:00' });
    const windows = quietWindows(nights, { eveningBufferMinutes: 60, weekends: false }, { start: at(la, '2026-03-10 12:00'), end: at(la, '2026-03-10 12:01') });
    expect(windows.map(show)).toEqual(['evening 2026-03-10 07:00 → 2026-03-10 22:00 (15 h)']);
  });

  it('is empty when the buffer eats the whole evening', () => {
    const long = makePerson(laRef, { startTime: '06:00', endTime: '23:00' });
    expect(quietWindows(long, { eveningBufferMinutes: 480, weekends: false }, { from: '2026-03-10', to: '2026-03-10' })).toEqual([]);
  });
});

describe('quietTimeWarnings', () => {
  it('reports meetings inside quiet time only', () => {
    const events = [
      timed(la, '2026-03-10 16:00', '2026-03-10 17:15', { id: 'ends-in-buffer' }),
      timed(la, '2026-03-10 17:00', '2026-03-10 18:00', { id: 'into-evening' }),
      timed(la, '2026-03-10 20:00', '2026-03-10 21:00', { id: 'free-evening', showAs: 'free' }),
      timed(la, '2026-03-10 20:00', '2026-03-10 21:00', { id: 'declined', response: 'declined' }),
      timed(la, '2026-03-14 10:00', '2026-03-14 11:00', { id: 'saturday' }),
    ];
    const warnings = quietTimeWarnings(person, { eveningBufferMinutes: 30, weekends: true }, events, { from: '2026-03-09', to: '2026-03-15' });
    expect(warnings.map((w) => [w.eventId, w.overlapMinutes, w.window.kind, w.explanation])).toEqual([
      ['into-evening', 30, 'evening', 'A meeting takes 30 min of your evening quiet time.'],
      ['saturday', 60, 'weekend', 'A meeting takes 1 h of your weekend quiet time.'],
    ]);
    expect(warnings[0]?.id).toMatch(/^qw_[0-9a-f]{28}$/);
  });
});

describe('quiet time around a night shift (22:00–06:00, Monday to Friday)', () => {
  const berlinRef: TimeZoneRef = { kind: 'iana', name: 'Europe/Berlin' };
  const berlin = zoneFor(berlinRef);
  const nights = makePerson(berlinRef, { startTime: '22:00', endTime: '06:00' });
  const inBerlin = (w: QuietWindow) => {
    const s = toLocalDateTime(w.start, berlin);
    const e = toLocalDateTime(w.end, berlin);
    return `${w.kind} ${s.date} ${s.time} → ${e.date} ${e.time}`;
  };

  it('runs the weekend from the end of Friday’s shift plus the buffer to Monday’s 22:00 shift', () => {
    const windows = quietWindows(nights, { eveningBufferMinutes: 30, weekends: true }, { from: '2026-03-13', to: '2026-03-16' });
    expect(windows.map(inBerlin)).toEqual([
      'evening 2026-03-13 06:30 → 2026-03-13 22:00', // Thursday night's shift ends Friday 06:00
      'weekend 2026-03-14 06:30 → 2026-03-16 22:00', // not "Mon 8:00 AM": the next shift starts Monday 22:00
    ]);
  });

  it('calls it off-shift rest in suggestions and warnings, and keeps Monday 08:00 inside the rest (the person is off until 22:00)', () => {
    const standUp = timed(berlin, '2026-03-16 08:00', '2026-03-16 08:15', { id: 'stand-up' });
    const input = { person: nights, events: [standUp], preferences: { ...DEFAULT_PREFERENCES, dailyDisconnectTargetMinutes: 0 }, quietTime: DEFAULT_QUIET_TIME, now: at(berlin, '2026-03-13 12:00'), days: 2 };
    const r = suggest(input);
    const quiet = r.suggestions.filter((s) => s.kind === 'quiet-time');
    expect(quiet.map((s) => [inBerlin({ ...s, kind: s.reason as QuietWindow['kind'] }), s.explanation])).toEqual([
      ['weekend 2026-03-14 06:30 → 2026-03-16 22:00', 'Your days off: rest 30 min after your last shift until your next shift starts.'],
      ['evening 2026-03-17 06:30 → 2026-03-17 22:00', 'Off-shift rest, 30 min after your shift until the next one starts.'],
    ]);
    for (const s of r.suggestions) expect(s.explanation).not.toMatch(/evening/i);
    const on = suggest({ ...input, quietChoices: [{ id: 'every-weekend', repeat: 'every', kind: 'weekend', start: input.now, end: null }] });
    expect(on.warnings.map((w) => [w.eventId, w.explanation])).toEqual([['stand-up', 'A meeting takes 15 min of your days-off rest.']]);
  });

  it('keeps day-shift words for day shifts', () => {
    expect(quietTimeWarnings(makePerson(berlinRef), DEFAULT_QUIET_TIME, [timed(berlin, '2026-03-16 19:00', '2026-03-16 19:30', { id: 'late' })], { from: '2026-03-16', to: '2026-03-16' })
      .map((w) => w.explanation)).toEqual(['A meeting takes 30 min of your evening quiet time.']);
  });
});
