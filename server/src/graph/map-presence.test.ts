import { describe, expect, it } from 'vitest';
import { GraphResponseError } from './errors';
import { readGraphExample } from './graph-examples';
import { mapPresence, mapPresenceList } from './map-presence';

describe("presence on Microsoft's published payloads", () => {
  it.each([
    ['presence-get-response.json', { availability: 'Available', activity: 'Available' }],
    ['presence-get-user-response.json', { availability: 'DoNotDisturb', activity: 'Presenting' }],
    ['presence-get-statusmessage-response.json', { availability: 'Available', activity: 'Available' }],
  ])('%s', (file, expected) => {
    expect(mapPresence(readGraphExample(file), 'presence')).toEqual(expected);
  });

  it('getpresencesbyuserid-response.json', () => {
    expect(mapPresenceList(readGraphExample('getpresencesbyuserid-response.json'), 'p')).toEqual([
      { userId: 'fa8bf3dc-eca7-46b7-bad1-db199b62afc3', availability: 'Busy', activity: 'InAMeeting' },
      { userId: '66825e03-7ef5-42da-9069-724602c31f6b', availability: 'Away', activity: 'Away' },
    ]);
  });

  it('presence-get-communications-response.json (a list) maps like getPresencesByUserId', () => {
    expect(mapPresenceList(readGraphExample('presence-get-communications-response.json'), 'p')).toEqual([
      { userId: 'dc74d9bb-6afe-433d-8eaa-e39d80d3a647', availability: 'Away', activity: 'BeRightBack' },
    ]);
  });
});

describe('mapPresence', () => {
  it('reads an availability Graph added later as PresenceUnknown', () => {
    expect(mapPresence({ availability: 'Focusing', activity: 'Focusing' }, 'p')).toEqual({ availability: 'PresenceUnknown', activity: 'Focusing' });
  });

  it.each([
    [{ activity: 'Away' }, 'p.availability: missing'],
    [{ availability: 3, activity: 'Away' }, 'p.availability: expected a string'],
    [null, 'p: expected an object'],
  ])('refuses malformed presence %#', (raw, expected) => {
    expect(() => mapPresence(raw, 'p')).toThrow(GraphResponseError);
    expect(() => mapPresence(raw, 'p')).toThrow(expected);
  });

  it('refuses a list entry without an id', () => {
    expect(() => mapPresenceList({ value: [{ availability: 'Away', activity: 'Away' }] }, 'p')).toThrow('p.value[0].id: missing');
  });
});
