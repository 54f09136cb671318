import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphResponseError } from './errors';
import { readGraphExample } from './graph-examples';
import type { Json } from './json-reader';
import { DATE_TIME, mapEvent, mapEventPage, wallClockMs } from './map-event';

const utc = (iso: string) => Date.parse(iso);

function event(overrides: Json = {}): Json {
  return {
    id: 'AAMk-1',
    start: { dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-03-10T09:30:00.0000000', timeZone: 'UTC' },
    showAs: 'busy',
    isAllDay: false,
    isCancelled: false,
    responseStatus: { response: 'accepted', time: '2025-03-01T10:00:00Z' },
    categories: [],
    ...overrides,
  };
}

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphResponseError);
    return (error as GraphResponseError).problem;
  }
  throw new Error('expected a GraphResponseError');
}

describe('mapEvent', () => {
  it('maps a timed event in UTC to instants and flags', () => {
    expect(mapEvent(event(), 'e')).toEqual({
      id: 'AAMk-1', start: utc('2025-03-10T09:00:00Z'), end: utc('2025-03-10T09:30:00Z'),
      showAs: 'busy', isCancelled: false, response: 'accepted', isUnplugBlock: false,
    });
  });

  it('maps an all-day event to floating dates (end exclusive)', () => {
    const mapped = mapEvent(event({
      isAllDay: true, showAs: 'oof',
      start: { dateTime: '2025-03-12T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-03-14T00:00:00.0000000', timeZone: 'UTC' },
    }), 'e');
    expect(mapped.allDay).toEqual({ startDate: '2025-03-12', endDate: '2025-03-14' });
    expect(mapped.start).toBe(utc('2025-03-12T00:00:00Z'));
    expect(mapped.end).toBe(utc('2025-03-14T00:00:00Z'));
  });

  it('keeps all-day dates floating even when Graph labels them with another zone', () => {
    const mapped = mapEvent(event({
      isAllDay: true,
      start: { dateTime: '2025-03-12T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
      end: { dateTime: '2025-03-13T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
    }), 'e');
    expect(mapped.allDay).toEqual({ startDate: '2025-03-12', endDate: '2025-03-13' });
  });

  it.each([
    ['the Unplug category', { categories: ['Focus', 'Unplug'] }, undefined, true],
    ['the category in another case', { categories: ['unplug'] }, undefined, true],
    ['a known transaction id', { transactionId: 'tx-1' }, new Set(['tx-1']), true],
    ['an unknown transaction id', { transactionId: 'tx-2' }, new Set(['tx-1']), false],
    ['another category', { categories: ['Unplugged-ish'] }, undefined, false],
  ])('recognises Unplug blocks by %s', (_name, overrides, known, expected) => {
    expect(mapEvent(event(overrides), 'e', known ? { knownTransactionIds: known } : {}).isUnplugBlock).toBe(expected);
  });

  it('converts wall-clock times in a Windows zone (DST-aware)', () => {
    const mapped = mapEvent(event({
      start: { dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'Pacific Standard Time' }, // PDT since 9 March
      end: { dateTime: '2025-03-10T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
    }), 'e');
    expect(mapped.start).toBe(utc('2025-03-10T16:00:00Z'));
    expect(mapped.end).toBe(utc('2025-03-10T17:00:00Z'));
  });

  it('uses conservative defaults for fields a truncated payload leaves out', () => {
    const mapped = mapEvent({ id: 'x', start: event().start, end: event().end }, 'e');
    expect(mapped).toMatchObject({ showAs: 'busy', isCancelled: false, response: 'none', isUnplugBlock: false });
    expect(mapped.allDay).toBeUndefined();
  });

  it.each<[string, Json, string]>([
    ['no id', { id: undefined }, 'e.id: missing'],
    ['a numeric id', { id: 7 }, 'e.id: expected a string, got number 7'],
    ['no start', { start: undefined }, 'e.start: missing'],
    ['a start without dateTime', { start: { timeZone: 'UTC' } }, 'e.start.dateTime: missing'],
    ['a start that is not a date', { start: { dateTime: 'tomorrow', timeZone: 'UTC' } }, 'e.start.dateTime: expected a date and time'],
    ['an impossible date', { start: { dateTime: '2025-02-30T09:00:00', timeZone: 'UTC' } }, 'e.start.dateTime: is not a real date'],
    ['an unknown zone', { end: { dateTime: '2025-03-10T10:00:00', timeZone: 'Mars Standard Time' } }, 'e.end.timeZone: unknown time zone'],
    ['an unknown showAs', { showAs: 'maybe' }, 'e.showAs: expected one of free, tentative, busy, oof, workingElsewhere, unknown, got "maybe"'],
    ['a numeric showAs', { showAs: 2 }, 'e.showAs: expected a string'],
    ['isAllDay as a string', { isAllDay: 'true' }, 'e.isAllDay: expected true or false'],
    ['an unknown response', { responseStatus: { response: 'perhaps' } }, 'e.responseStatus.response: expected one of'],
    ['categories as a string', { categories: 'Unplug' }, 'e.categories: expected an array'],
    ['an end before the start', { end: { dateTime: '2025-03-10T08:00:00', timeZone: 'UTC' } }, 'e.end: is before start'],
  ])('names the problem with %s', (_name, overrides, expected) => {
    expect(problem(() => mapEvent(event(overrides), 'e'))).toContain(expected);
  });

  it('never crashes on non-objects', () => {
    for (const raw of [null, 3, 'event', []]) expect(problem(() => mapEvent(raw, 'e'))).toMatch(/^e: expected an object/);
    expect(problem(() => mapEventPage({ value: 'nope' }, 'page'))).toBe('page.value: expected an array, got "nope"');
  });
});

describe("Microsoft's published event payloads", () => {
  it('calendarview-response.json (shortened by the docs: no id, start or end) is refused by name', () => {
    expect(problem(() => mapEventPage(readGraphExample('calendarview-response.json') as Json, 'calendarView'))).toBe('calendarView.value[0].id: missing');
  });

  it('events-list-prefer-timezone-response.json: times in "Pacific Standard Time" become instants', () => {
    const [mapped] = mapEventPage(readGraphExample('events-list-prefer-timezone-response.json') as Json, 'events');
    // 2017-04-21 10:00–12:00 Pacific Daylight Time (UTC−7).
    expect(mapped).toEqual({
      id: 'AAMkAGIAAAoZDOFAAA=', start: utc('2017-04-21T17:00:00Z'), end: utc('2017-04-21T19:00:00Z'),
      showAs: 'busy', isCancelled: false, response: 'none', isUnplugBlock: false,
    });
    // Subjects and bodies are in the payload (that request selected them) but never in the mapping.
    expect(JSON.stringify(mapped)).not.toMatch(/Orientation|Dana/);
  });

  it('event-create-response.json reads as a busy, organised event with its transaction id recognised', () => {
    const mapped = mapEvent(readGraphExample('event-create-response.json'), 'event', { knownTransactionIds: new Set(['7E163156-7762-4BEB-A1C6-729EA81755A7']) });
    expect(mapped).toMatchObject({ id: 'AAMkAGI1AAAt9AHjAAA=', showAs: 'busy', response: 'organizer', isUnplugBlock: true });
    expect(mapped.start).toBe(utc('2017-04-15T18:00:00Z'));
  });
});

/** What `wallClockMs` replaced: the regular expression and `Date.UTC`, as the mapping read times before. */
function byExpression(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '0'] = match;
  const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Math.floor(Number(`0.${fraction}`) * 1000);
  const check = new Date(localMs);
  return Number.isNaN(localMs) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 ? NaN : localMs;
}

describe('wallClockMs', () => {
  it.each([
    '2025-03-10T09:00:00.0000000', '2025-03-10T09:00:00', '2025-03-10T09:00', '2025-03-10T09:00:00.5', '2025-03-10T09:00:00.1234567',
    '2025-03-10T09:00:00.29', '2025-03-10T09:00:00.0000001', '2024-02-29T23:59:59.9999999', '2025-02-29T10:00:00', '2025-03-10T24:00:00',
    '2025-03-10T23:60:00', '2025-13-01T00:00:00', '2025-00-10T00:00:00', '0050-01-01T00:00:00', '2025-03-10T09:00:00.', '2025-03-10T09:00:00.12345678',
    '2025-03-10 09:00:00', '2025-03-10T09:00:00Z', '2025-3-10T09:00:00', '2025-03-10T9:00:00', '', 'x025-03-10T09:00:00', '2025-03-10T09:00:0a', '２025-03-10T09:00:00',
  ])('reads %j as the expression did', (text) => {
    expect(wallClockMs(text)).toEqual(byExpression(text));
  });

  it('reads any text as the expression did', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const shaped = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), fc.option(digits(2)), fc.option(fc.stringMatching(/^[0-9]{1,7}$/)))
      .map(([y, mo, d, h, mi, s, f]) => `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}${f === null ? '' : `.${f}`}`}`);
    fc.assert(fc.property(fc.oneof(shaped, fc.string({ maxLength: 30 })), (text) => {
      expect(wallClockMs(text)).toEqual(byExpression(text));
    }), { numRuns: 5_000 });
  });
});
