import { occupiesTime, type DemoEvent } from './demo-event';
import type { DemoPerson } from './org';
import { hashUnit } from './prng';
import { addDays, localDateAt, wallClockInstant } from './time-zones';
import { workingDay, workingDaysAround } from './working-hours';

export interface PresenceState {
  availability: string;
  activity: string;
}

export interface PreferredPresence extends PresenceState {
  /** Epoch ms; the preference ends here. */
  expiresAt: number;
}

export interface StatusMessage {
  content: string;
  contentType: 'text' | 'html';
  /** Epoch ms, or `undefined` for a message that does not expire. */
  expiresAt: number | undefined;
  /** The zone name the client gave for the expiry, echoed back as Graph does. */
  expiryTimeZone: string;
  publishedAt: number;
}

export interface Presence extends PresenceState {
  isOutOfOffice: boolean;
  statusMessage: StatusMessage | undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SLOT = 15 * MINUTE;

const OFFLINE: PresenceState = { availability: 'Offline', activity: 'OffWork' };

/**
 * A person's presence at `instant`, as a pure function of who they are, the events around that
 * instant and any preference an app set: it follows the calendar (meetings, calls, focus time, an
 * out-of-office day), is online through most of the working day with breaks, and now and then in
 * the evening or at the weekend. A sampler polling it sees plausible changes over time.
 */
export function presenceAt(person: DemoPerson, instant: number, events: readonly DemoEvent[], overrides: {
  preferred?: PreferredPresence | undefined;
  statusMessage?: StatusMessage | undefined;
} = {}): Presence {
  const current = events.filter((e) => e.start <= instant && instant < e.end && occupiesTime(e));
  const outOfOffice = current.some((e) => e.isAllDay && e.showAs === 'oof');
  const status = overrides.statusMessage && (overrides.statusMessage.expiresAt === undefined || instant < overrides.statusMessage.expiresAt)
    ? overrides.statusMessage
    : undefined;
  const base = outOfOffice ? { availability: 'Offline', activity: 'OutOfOffice' } : fromCalendar(person, instant, current) ?? session(person, instant);
  const preferred = overrides.preferred && instant < overrides.preferred.expiresAt ? overrides.preferred : undefined;
  // A preferred presence shows only while the person has a presence session (is signed in somewhere).
  const shown = preferred && base.availability !== 'Offline' ? { availability: preferred.availability, activity: preferred.activity } : base;
  return { ...shown, isOutOfOffice: outOfOffice, statusMessage: status };
}

/** Presence in a meeting the person actually attends, or `undefined`. */
function fromCalendar(person: DemoPerson, instant: number, current: readonly DemoEvent[]): PresenceState | undefined {
  for (const e of current) {
    if (e.isAllDay) continue;
    const unplug = e.categories.includes('Unplug');
    const attends = hashUnit('attends', person.id, e.id);
    if (unplug) {
      // Protected time is mostly kept: offline or away, sometimes not.
      if (attends < 0.55) return OFFLINE;
      if (attends < 0.75) return { availability: 'Away', activity: 'Away' };
      continue;
    }
    if (attends > (e.showAs === 'tentative' ? 0.6 : 0.95)) continue;
    switch (e.presenceHint) {
      case 'call': return { availability: 'Busy', activity: 'InACall' };
      case 'presenting': return { availability: 'DoNotDisturb', activity: 'Presenting' };
      case 'focus': return { availability: 'DoNotDisturb', activity: 'Focusing' };
      default: return { availability: 'Busy', activity: 'InAMeeting' };
    }
  }
  return undefined;
}

/** Outside meetings: online in working hours (with breaks), offline otherwise, with evening sessions. */
function session(person: DemoPerson, instant: number): PresenceState {
  const slot = Math.floor(instant / SLOT);
  const noise = hashUnit('slot', person.id, slot);
  for (const [start, end] of workingDaysAround(person, instant)) {
    const day = `${person.id}|${start}`;
    const earlyStart = hashUnit('early', day) < 0.2 ? (30 + Math.floor(hashUnit('early-len', day) * 4) * 10) * MINUTE : 0;
    const lateStart = hashUnit('late', day) < 0.15 ? 30 * MINUTE : 0;
    if (instant < start - earlyStart || instant >= end) continue;
    if (instant < start + lateStart && earlyStart === 0) return OFFLINE;
    const lunch = start + 4 * HOUR;
    if (hashUnit('lunch', day) < 0.6 && instant >= lunch && instant < lunch + 45 * MINUTE) return { availability: 'Away', activity: 'Away' };
    if (noise < 0.07) return { availability: 'Away', activity: 'Away' };
    if (noise < 0.12) return { availability: 'BeRightBack', activity: 'BeRightBack' };
    if (noise < 0.15) return { availability: 'AvailableIdle', activity: 'Available' };
    if (noise < 0.2) return { availability: 'Busy', activity: 'InACall' };
    return { availability: 'Available', activity: 'Available' };
  }
  return afterHours(person, instant, noise) ?? OFFLINE;
}

/** The evening (or weekend) session of the day before or of `instant`'s day, if it is on. */
function afterHours(person: DemoPerson, instant: number, noise: number): PresenceState | undefined {
  const today = localDateAt(person.zone, instant);
  for (const date of [addDays(today, -1), today]) {
    const key = `${person.id}|${date}`;
    const working = workingDay(person, date);
    let start: number;
    if (working) {
      if (hashUnit('evening', key) >= person.afterHoursChance) continue;
      start = working[1] + (60 + Math.floor(hashUnit('evening-at', key) * 12) * 15) * MINUTE;
    } else {
      if (hashUnit('weekend', key) >= 0.15) continue;
      start = wallClockInstant(person.zone, date, '10:00:00') + Math.floor(hashUnit('weekend-at', key) * 32) * SLOT;
    }
    const length = (20 + Math.floor(hashUnit('session-len', key) * 8) * 10) * MINUTE;
    if (instant >= start && instant < start + length) {
      return noise < 0.25 ? { availability: 'Busy', activity: 'InACall' } : { availability: 'Available', activity: 'Available' };
    }
  }
  return undefined;
}
