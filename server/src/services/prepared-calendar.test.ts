import { describe, expect, it } from 'vitest';
import { prepareCalendar } from '../domain';
import { makePerson, timed, zoneFor } from '../domain/testing/fixtures';
import type { TimeZoneRef } from '../domain/types';
import type { SuggestionState } from '../store/repositories/suggestion-state-repository';
import { preparedCalendar } from './prepared-calendar';

const berlinRef: TimeZoneRef = { kind: 'windows', name: 'W. Europe Standard Time' };
const berlin = zoneFor(berlinRef);
const accepted = (start: string, end: string): SuggestionState => ({
  suggestionId: `sg-${start}`, state: 'accepted', kind: 'disconnect-block', start: new Date(start), end: new Date(end), eventId: 'ev-1',
});

describe('preparedCalendar', () => {
  const person = makePerson(berlinRef);
  const events = [timed(berlin, '2026-03-10 09:00', '2026-03-10 10:00'), timed(berlin, '2026-03-10 14:00', '2026-03-10 15:30')];
  const states = [accepted('2026-03-10T11:00:00Z', '2026-03-10T12:00:00Z')];

  it('reads the calendar as the domain does, with the accepted blocks', () => {
    const prepared = preparedCalendar(person, events, states, berlin);
    expect(prepared).toEqual(prepareCalendar(person, events, [{ start: Date.parse('2026-03-10T11:00:00Z'), end: Date.parse('2026-03-10T12:00:00Z') }], berlin));
  });

  it('reads it once while the calendar, the states and the zone are the same objects', () => {
    expect(preparedCalendar(person, events, states, berlin)).toBe(preparedCalendar(person, events, states, berlin));
  });

  it('reads it again for a refetched calendar, new suggestion states or another mailbox zone', () => {
    const first = preparedCalendar(person, events, states, berlin);
    const refetched = [...events, timed(berlin, '2026-03-10 16:00', '2026-03-10 17:00')];
    expect(preparedCalendar(person, refetched, states, berlin).reading.meetings).toHaveLength(3);
    const moreBlocks = [...states, accepted('2026-03-10T15:45:00Z', '2026-03-10T16:15:00Z')];
    const withBlock = preparedCalendar(person, events, moreBlocks, berlin);
    expect(withBlock).not.toBe(first);
    expect(withBlock).toEqual(prepareCalendar(person, events, [
      { start: Date.parse('2026-03-10T11:00:00Z'), end: Date.parse('2026-03-10T12:00:00Z') },
      { start: Date.parse('2026-03-10T15:45:00Z'), end: Date.parse('2026-03-10T16:15:00Z') },
    ], berlin));
    const moved = makePerson({ kind: 'windows', name: 'Pacific Standard Time' });
    const pacific = zoneFor(moved.workingHours.timeZone);
    const inPacific = preparedCalendar(moved, events, states, pacific);
    expect(inPacific.zone.name).toBe(pacific.name);
    expect(inPacific).not.toBe(first);
  });
});
