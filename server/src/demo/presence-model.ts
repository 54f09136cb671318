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

/** An app's presence session for a person (`setPresence`), keyed by the app's id. */
export interface AppPresenceSession extends PresenceState {
  /** Epoch ms; the session ends (and counts no more) here. */
  expiresAt: number;
  /** Epoch ms of the last `setPresence`: an Available session fades from here. */
  setAt: number;
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
 * instant and what was set on top: it follows the calendar (meetings, calls, focus time, an
 * out-of-office day), is online through most of the working day with breaks, and now and then in
 * the evening or at the weekend. A sampler polling it sees plausible changes over time.
 *
 * Sessions combine as Microsoft documents (https://learn.microsoft.com/en-us/graph/api/presence-setpresence,
 * "Presence sessions"): the person's own Teams clients (modelled above) and each app's session
 * (`setPresence`) are sessions; the shown presence aggregates them, and "User-configured >
 * app-configured (user-configured state overrides others)", among app-configured "DoNotDisturb >
 * Busy > Available > Away". The user's preferred presence (what they pick in Teams, and what
 * `setUserPreferredPresence` sets) shows only while at least one session exists
 * (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence); otherwise they show Offline.
 * An app session that is Available fades to AvailableInactive after 5 minutes and to Away after 10.
 */
export function presenceAt(person: DemoPerson, instant: number, events: readonly DemoEvent[], overrides: {
  preferred?: PreferredPresence | undefined;
  statusMessage?: StatusMessage | undefined;
  appSessions?: readonly AppPresenceSession[];
} = {}): Presence {
  const current = events.filter((e) => e.start <= instant && instant < e.end && occupiesTime(e));
  const outOfOffice = current.some((e) => e.isAllDay && e.showAs === 'oof');
  const status = overrides.statusMessage && (overrides.statusMessage.expiresAt === undefined || instant < overrides.statusMessage.expiresAt)
    ? overrides.statusMessage
    : undefined;
  const base = outOfOffice ? { availability: 'Offline', activity: 'OutOfOffice' } : fromCalendar(person, instant, current) ?? session(person, instant);
  const apps = (overrides.appSessions ?? []).filter((a) => instant < a.expiresAt).map((a) => faded(a, instant));
  const preferred = overrides.preferred && instant < overrides.preferred.expiresAt ? overrides.preferred : undefined;
  const hasSession = base.availability !== 'Offline' || apps.length > 0;
  const shown = preferred && hasSession
    ? { availability: preferred.availability, activity: preferred.activity }
    : aggregate([...(base.availability !== 'Offline' ? [base] : []), ...apps]) ?? base;
  return { ...shown, isOutOfOffice: outOfOffice, statusMessage: status };
}

const RANK: Record<string, number> = { DoNotDisturb: 5, Busy: 4, BusyIdle: 4, Available: 3, AvailableIdle: 3, BeRightBack: 2, Away: 2 };

/** The strongest of the live sessions (the person's own client first on a tie), or `undefined` for none. */
function aggregate(sessions: readonly PresenceState[]): PresenceState | undefined {
  let best: PresenceState | undefined;
  for (const s of sessions) if (!best || (RANK[s.availability] ?? 0) > (RANK[best.availability] ?? 0)) best = s;
  return best && { availability: best.availability, activity: best.activity };
}

/** An Available app session times out in stages: AvailableInactive after 5 minutes, Away after 10. */
function faded(s: AppPresenceSession, instant: number): PresenceState {
  if (s.availability !== 'Available') return s;
  const idle = instant - s.setAt;
  if (idle >= 10 * MINUTE) return { availability: 'Away', activity: 'Away' };
  if (idle >= 5 * MINUTE) return { availability: 'Available', activity: 'AvailableInactive' };
  return s;
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
