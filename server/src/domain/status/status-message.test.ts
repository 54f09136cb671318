import { describe, expect, it } from 'vitest';
import { IanaZone } from '../time/zone';
import { MAX_STATUS_MESSAGE_LENGTH, statusMessageText } from './status-message';

const berlin = new IanaZone('Europe/Berlin');
const template = 'Unplugged until {until} — urgent? call me';

describe('statusMessageText', () => {
  it.each([
    ['a time today, in the person\'s zone', '2026-03-02T14:30:00Z', '2026-03-02T13:00:00Z', berlin, 'Unplugged until 15:30 — urgent? call me'],
    ['the weekday when it is not today', '2026-03-09T08:00:00Z', '2026-03-06T17:00:00Z', berlin, 'Unplugged until Mon 09:00 — urgent? call me'],
    ['summer time after the change', '2026-03-30T07:00:00Z', '2026-03-30T06:00:00Z', berlin, 'Unplugged until 09:00 — urgent? call me'],
    ['another zone, across its midnight', '2026-03-02T14:30:00Z', '2026-03-02T12:00:00Z', new IanaZone('Australia/Lord_Howe'), 'Unplugged until Tue 01:30 — urgent? call me'],
  ])('%s', (_name, until, now, zone, expected) => {
    expect(statusMessageText(template, Date.parse(until), zone, Date.parse(now))).toBe(expected);
  });

  it('fills every placeholder, leaves a text without one as it is, and stays within Teams\' length', () => {
    const until = Date.parse('2026-03-02T14:30:00Z');
    const now = Date.parse('2026-03-02T13:00:00Z');
    expect(statusMessageText('{until}/{until}', until, berlin, now)).toBe('15:30/15:30');
    expect(statusMessageText('Offline for a while', until, berlin, now)).toBe('Offline for a while');
    expect(statusMessageText(`${'x'.repeat(278)} {until}`, until, berlin, now)).toHaveLength(MAX_STATUS_MESSAGE_LENGTH);
  });
});
