import { describe, expect, it } from 'vitest';
import { retentionCutoff, timelineChanges, type OpenPresence } from './timeline-changes';

const t0 = Date.parse('2026-03-02T09:00:00Z');
const t1 = Date.parse('2026-03-02T09:05:00Z');
const open = (userId: string, availability: OpenPresence['availability'], activity: string, start = t0): OpenPresence => ({ id: `row-${userId}`, userId, availability, activity, start });

describe('timelineChanges', () => {
  it.each([
    ['a first sample opens an interval', [], { availability: 'Available', activity: 'Available' }, [{ userId: 'ada', open: { availability: 'Available', activity: 'Available', start: t1 } }]],
    ['the same state changes nothing', [open('ada', 'Available', 'Available')], { availability: 'Available', activity: 'Available' }, []],
    ['a new availability closes the open interval and opens the next', [open('ada', 'Available', 'Available')], { availability: 'Away', activity: 'Away' },
      [{ userId: 'ada', close: { id: 'row-ada', end: t1 }, open: { availability: 'Away', activity: 'Away', start: t1 } }]],
    ['a new activity alone is a change too', [open('ada', 'Busy', 'InAMeeting')], { availability: 'Busy', activity: 'InACall' },
      [{ userId: 'ada', close: { id: 'row-ada', end: t1 }, open: { availability: 'Busy', activity: 'InACall', start: t1 } }]],
    ['a sample older than the open interval is stale', [open('ada', 'Available', 'Available', t1 + 1)], { availability: 'Away', activity: 'Away' }, []],
    ['a sample at the very start of the open interval is stale', [open('ada', 'Available', 'Available', t1)], { availability: 'Away', activity: 'Away' }, []],
  ] as const)('%s', (_name, current, sample, expected) => {
    expect(timelineChanges(current, [{ userId: 'ada', ...sample }], t1)).toEqual(expected);
  });

  it('keeps people apart and lets the last of duplicate samples win', () => {
    const changes = timelineChanges([open('ada', 'Available', 'Available'), open('bob', 'Away', 'Away')], [
      { userId: 'ada', availability: 'Busy', activity: 'InACall' },
      { userId: 'bob', availability: 'Away', activity: 'Away' },
      { userId: 'ada', availability: 'Available', activity: 'Available' },
      { userId: 'cy', availability: 'Offline', activity: 'OffWork' },
    ], t1);
    expect(changes).toEqual([{ userId: 'cy', open: { availability: 'Offline', activity: 'OffWork', start: t1 } }]);
  });
});

describe('retentionCutoff', () => {
  it('is that many whole days before now, never under one day', () => {
    expect(new Date(retentionCutoff(t0, 35)).toISOString()).toBe('2026-01-26T09:00:00.000Z');
    expect(retentionCutoff(t0, 0)).toBe(t0 - 86_400_000);
  });
});
