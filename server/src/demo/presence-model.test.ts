import { describe, expect, it } from 'vitest';
import { CalendarStore } from './calendar-store';
import { occupiesTime } from './demo-event';
import { createOrg } from './org';
import { PresenceStore } from './presence-store';
import { wallClockInstant } from './time-zones';
import { isWorkingTime } from './working-hours';

const SEED_NOW = Date.parse('2025-03-05T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const org = createOrg({ seedNow: SEED_NOW });
const calendars = new CalendarStore(org);
const presence = new PresenceStore(calendars);
const weekdays = { from: org.window.weekStart, to: org.window.weekStart + 5 * DAY };

describe('presence follows the calendar and the clock', () => {
  it('is in a meeting or call for most busy, non-all-day meeting minutes', () => {
    for (const person of org.people.slice(0, 4)) {
      const meetings = calendars.list(person, weekdays.from, weekdays.to).filter((e) => occupiesTime(e) && !e.isAllDay && e.showAs === 'busy' && !e.categories.length);
      const states = meetings.map((e) => presence.at(person, e.start + MINUTE));
      const inMeeting = states.filter((s) => ['InAMeeting', 'InACall', 'Presenting'].includes(s.activity)).length;
      expect(inMeeting / states.length, person.displayName).toBeGreaterThan(0.8);
    }
  });

  it('is offline and out of office during an all-day out-of-office', () => {
    const liam = org.people[11]!;
    const noon = wallClockInstant(liam.zone, '2025-03-05', '12:00:00');
    expect(presence.at(liam, noon)).toMatchObject({ availability: 'Offline', activity: 'OutOfOffice', isOutOfOffice: true });
  });

  it('is mostly online in working hours and mostly offline outside them, with some after-hours activity', () => {
    let working = 0;
    let workingOnline = 0;
    let off = 0;
    let offOnline = 0;
    for (const person of org.people) {
      for (let t = weekdays.from; t < weekdays.to + 2 * DAY; t += 15 * MINUTE) {
        const online = presence.at(person, t).availability !== 'Offline';
        if (isWorkingTime(person, t)) {
          working++;
          if (online) workingOnline++;
        } else {
          off++;
          if (online) offOnline++;
        }
      }
    }
    expect(workingOnline / working).toBeGreaterThan(0.75);
    expect(offOnline / off).toBeLessThan(0.15);
    expect(offOnline).toBeGreaterThan(10);
  });

  it('changes plausibly through a working day (a sampler sees several states)', () => {
    const hannah = org.people[4]!;
    const start = wallClockInstant(hannah.zone, '2025-03-04', '08:30:00');
    const seen = new Set<string>();
    let changes = 0;
    let last = '';
    for (let t = start; t < start + 9 * 3_600_000; t += 5 * MINUTE) {
      const p = presence.at(hannah, t);
      const key = `${p.availability}/${p.activity}`;
      seen.add(key);
      if (key !== last) changes++;
      last = key;
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(changes).toBeGreaterThanOrEqual(6);
  });

  it('is a pure function of person and instant', () => {
    const other = new PresenceStore(new CalendarStore(org));
    for (let t = SEED_NOW; t < SEED_NOW + DAY; t += 37 * MINUTE) {
      expect(other.at(org.people[6]!, t)).toEqual(presence.at(org.people[6]!, t));
    }
  });
});

describe('what apps set', () => {
  const person = org.people[1]!;
  const store = new PresenceStore(new CalendarStore(org));
  const online = (() => {
    for (let t = SEED_NOW; ; t += 15 * MINUTE) if (store.at(person, t).availability !== 'Offline') return t;
  })();

  it('shows a preferred presence while the person is signed in, until it expires', () => {
    store.setPreferredPresence(person, { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expiresAt: online + 30 * MINUTE });
    expect(store.at(person, online)).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    expect(store.at(person, online + 30 * MINUTE).availability).not.toBe('DoNotDisturb');
    store.clearPreferredPresence(person);
    expect(store.at(person, online + MINUTE).activity).not.toBe('DoNotDisturb');
  });

  it('does not show a preferred presence without a presence session', () => {
    let offline = online;
    while (store.at(person, offline).availability !== 'Offline') offline += 15 * MINUTE;
    store.setPreferredPresence(person, { availability: 'Busy', activity: 'Busy', expiresAt: offline + DAY });
    expect(store.at(person, offline).availability).toBe('Offline');
    store.clearPreferredPresence(person);
  });

  it('shows a status message until its expiry, and tells listeners about changes', () => {
    const heard: string[] = [];
    const stop = store.onChange((c) => heard.push(c.kind));
    store.setStatusMessage(person, { content: 'Unplugged until 15:30', contentType: 'text', expiresAt: online + 60 * MINUTE, expiryTimeZone: 'UTC', publishedAt: online });
    expect(store.at(person, online + 59 * MINUTE).statusMessage?.content).toBe('Unplugged until 15:30');
    expect(store.at(person, online + 60 * MINUTE).statusMessage).toBeUndefined();
    store.setStatusMessage(person, undefined);
    stop();
    expect(heard).toEqual(['statusMessage', 'statusMessage']);
  });
});

describe('app presence sessions and the person\'s own presence (as Microsoft documents them)', () => {
  const APP = '22553876-f5ab-4529-bffb-cfe50aa89f87';
  const person = org.people[1]!;
  const store = new PresenceStore(new CalendarStore(org));
  // An instant the person's own Teams shows them plainly Available, and one they are offline.
  const available = (() => {
    for (let t = SEED_NOW; ; t += 15 * MINUTE) if (store.at(person, t).availability === 'Available') return t;
  })();
  const offline = (() => {
    for (let t = available; ; t += 15 * MINUTE) if (store.at(person, t).availability === 'Offline') return t;
  })();

  it('shows the strongest session: an app\'s Busy over the person\'s Available, until the app clears it', () => {
    store.setAppSession(person, APP, { availability: 'Busy', activity: 'InACall', setAt: available, expiresAt: available + 60 * MINUTE });
    expect(store.at(person, available)).toMatchObject({ availability: 'Busy', activity: 'InACall' });
    expect(store.clearAppSession(person, APP, available + MINUTE)).toBe(true);
    expect(store.at(person, available + MINUTE).availability).toBe('Available');
    expect(store.clearAppSession(person, APP, available + MINUTE)).toBe(false);
  });

  it('lets the person\'s own preferred presence win over any app session, and keeps it after the app clears its own', () => {
    store.setPreferredPresence(person, { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expiresAt: available + DAY });
    store.setAppSession(person, APP, { availability: 'Away', activity: 'Away', setAt: available, expiresAt: available + 60 * MINUTE });
    expect(store.at(person, available)).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    store.clearAppSession(person, APP, available + MINUTE);
    expect(store.at(person, available + MINUTE)).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    store.clearPreferredPresence(person);
  });

  it('counts an app session as a session: it shows for someone signed out, and ends with its expiry', () => {
    store.setAppSession(person, APP, { availability: 'DoNotDisturb', activity: 'Presenting', setAt: offline, expiresAt: offline + 30 * MINUTE });
    expect(store.at(person, offline)).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(store.at(person, offline + 30 * MINUTE).availability).toBe('Offline');
    expect(store.clearAppSession(person, APP, offline + 30 * MINUTE)).toBe(false);
  });

  it('fades an Available app session: AvailableInactive after 5 minutes, Away after 10', () => {
    store.setAppSession(person, APP, { availability: 'Available', activity: 'Available', setAt: offline, expiresAt: offline + 60 * MINUTE });
    expect(store.at(person, offline + 4 * MINUTE).activity).toBe('Available');
    expect(store.at(person, offline + 5 * MINUTE).activity).toBe('AvailableInactive');
    expect(store.at(person, offline + 10 * MINUTE)).toMatchObject({ availability: 'Away', activity: 'Away' });
    store.clearAppSession(person, APP, offline + 11 * MINUTE);
  });
});
