import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../domain/time/resolve-time-zone';
import { GraphResponseError } from './errors';
import { readGraphExample } from './graph-examples';
import { mapMailboxParts, mapMailboxSettings, mapWorkingHours } from './map-mailbox';

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphResponseError);
    return (error as GraphResponseError).problem;
  }
  throw new Error('expected a GraphResponseError');
}

describe("mapMailboxSettings on Microsoft's published payloads", () => {
  it('mailboxsettings-response.json: a Windows zone name', () => {
    expect(mapMailboxSettings(readGraphExample('mailboxsettings-response.json'), 'mailboxSettings')).toEqual({
      mailboxTimeZone: 'UTC',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00',
        endTime: '17:00:00',
        timeZone: { kind: 'windows', name: 'Pacific Standard Time' },
      },
    });
  });

  it('mailboxsettings-customtz.json: a customTimeZone with bias and transition rules the domain can resolve', () => {
    const { workingHours } = mapMailboxSettings(readGraphExample('mailboxsettings-customtz.json'), 'mailboxSettings');
    expect(workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
      startTime: '09:00:00',
      endTime: '18:30:00',
      timeZone: {
        kind: 'custom',
        name: 'Customized Time Zone',
        custom: {
          bias: -200,
          standardOffset: { time: '02:00:00', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5 },
          daylightOffset: { time: '02:00:00', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, daylightBias: -100 },
        },
      },
    });
    expect(resolveTimeZone(workingHours.timeZone).ok).toBe(true);
  });

  it('mailboxsettings-workinghours-response.json (the workingHours resource alone) maps too', () => {
    const hours = mapWorkingHours(readGraphExample('mailboxsettings-workinghours-response.json'), 'workingHours');
    expect(hours.timeZone.kind).toBe('custom');
    expect(hours.endTime).toBe('18:30:00');
  });
});

describe('mapMailboxSettings', () => {
  const base = { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Europe/Berlin' } };

  it('tells IANA names from Windows names', () => {
    expect(mapWorkingHours(base, 'w').timeZone).toEqual({ kind: 'iana', name: 'Europe/Berlin' });
    expect(mapWorkingHours({ ...base, timeZone: { name: 'W. Europe Standard Time' } }, 'w').timeZone).toEqual({ kind: 'windows', name: 'W. Europe Standard Time' });
  });

  it('tells them apart the same way when a name comes again (the answer is remembered)', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(mapWorkingHours(base, 'w').timeZone).toEqual({ kind: 'iana', name: 'Europe/Berlin' });
      expect(mapWorkingHours({ ...base, timeZone: { name: 'W. Europe Standard Time' } }, 'w').timeZone).toEqual({ kind: 'windows', name: 'W. Europe Standard Time' });
      expect(mapWorkingHours({ ...base, timeZone: { name: 'Nowhere Standard Time' } }, 'w').timeZone).toEqual({ kind: 'iana', name: 'Nowhere Standard Time' });
    }
  });

  it("falls back to the mailbox's zone when working hours have none", () => {
    const { workingHours } = mapMailboxSettings({ timeZone: 'Tokyo Standard Time', workingHours: { ...base, timeZone: null } }, 'm');
    expect(workingHours.timeZone).toEqual({ kind: 'windows', name: 'Tokyo Standard Time' });
  });

  it('keeps a working day that crosses midnight as Graph gives it', () => {
    expect(mapWorkingHours({ ...base, startTime: '22:00:00', endTime: '06:00:00' }, 'w')).toMatchObject({ startTime: '22:00:00', endTime: '06:00:00' });
  });

  it.each<[string, unknown, string]>([
    ['no working hours', { timeZone: 'UTC' }, 'm.workingHours: missing'],
    ['an unknown day', { workingHours: { ...base, daysOfWeek: ['funday'] } }, 'm.workingHours.daysOfWeek[0]: expected one of sunday'],
    ['days as a string', { workingHours: { ...base, daysOfWeek: 'monday' } }, 'm.workingHours.daysOfWeek: expected an array'],
    ['a bad start time', { workingHours: { ...base, startTime: '25:00' } }, 'm.workingHours.startTime: expected a time'],
    ['no end time', { workingHours: { ...base, endTime: undefined } }, 'm.workingHours.endTime: missing'],
    ['no zone at all', { workingHours: { ...base, timeZone: undefined } }, 'm.workingHours.timeZone: missing'],
    ['a custom zone without bias', { workingHours: { ...base, timeZone: { '@odata.type': '#microsoft.graph.customTimeZone', name: 'X' } } }, 'm.workingHours.timeZone.bias: missing'],
    ['a rule with a text month', { workingHours: { ...base, timeZone: { bias: 0, standardOffset: { time: '02:00:00', dayOccurrence: 1, dayOfWeek: 'sunday', month: 'May' } } } }, 'm.workingHours.timeZone.standardOffset.month: expected a whole number'],
  ])('names the problem with %s', (_name, raw, expected) => {
    expect(problem(() => mapMailboxSettings(raw, 'm'))).toContain(expected);
  });
});

describe('mapMailboxParts (the workingHours and timeZone sub-resources)', () => {
  it("reads Microsoft's workingHours example with the mailbox zone from { value }", () => {
    const parts = mapMailboxParts(readGraphExample('mailboxsettings-workinghours-response.json'), { value: 'Pacific Standard Time' });
    expect(parts.mailboxTimeZone).toBe('Pacific Standard Time');
    expect(parts.workingHours).toMatchObject({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], startTime: '09:00:00', endTime: '18:30:00', timeZone: { kind: 'custom', name: 'Customized Time Zone' } });
  });

  it('falls back to the mailbox zone when the working hours name none, and names a bad zone answer', () => {
    const hours = { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000' };
    expect(mapMailboxParts(hours, { value: 'W. Europe Standard Time' }).workingHours.timeZone).toEqual({ kind: 'windows', name: 'W. Europe Standard Time' });
    expect(problem(() => mapMailboxParts(hours, { value: 7 }))).toMatch(/mailboxSettings\/timeZone\.value/);
    expect(problem(() => mapMailboxParts(null, { value: 'UTC' }))).toMatch(/mailboxSettings\/workingHours/);
  });
});
