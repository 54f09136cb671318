import type { CalendarStore } from './calendar-store';
import type { DemoPerson } from './org';
import { presenceAt, type AppPresenceSession, type PreferredPresence, type Presence, type StatusMessage } from './presence-model';

/** What an app changed about someone's presence. */
export interface PresenceOverrideChange {
  personId: string;
  kind: 'preferredPresence' | 'statusMessage' | 'appSession';
}

export type PresenceChangeListener = (change: PresenceOverrideChange) => void;

/**
 * Presence of every person: computed from the calendar and the clock, with what apps set on top
 * (a preferred presence, a status message). Listeners hear every explicit change, so change
 * notifications can be sent from here later; time-driven changes are found by sampling `at`.
 */
export class PresenceStore {
  private readonly preferred = new Map<string, PreferredPresence>();
  private readonly messages = new Map<string, StatusMessage>();
  /** Apps' presence sessions per person, by session id (the app's id). */
  private readonly sessions = new Map<string, Map<string, AppPresenceSession>>();
  private readonly listeners = new Set<PresenceChangeListener>();

  constructor(private readonly calendars: CalendarStore) {}

  at(person: DemoPerson, instant: number): Presence {
    return presenceAt(person, instant, this.calendars.list(person, instant, instant + 1), {
      preferred: this.preferred.get(person.id),
      statusMessage: this.messages.get(person.id),
      appSessions: [...(this.sessions.get(person.id)?.values() ?? [])],
    });
  }

  /** The person's own preferred presence (what they chose in Teams), if any. */
  preferredOf(person: DemoPerson): PreferredPresence | undefined {
    return this.preferred.get(person.id);
  }

  /** The apps' presence sessions live for the person at `instant`. */
  appSessionsAt(person: DemoPerson, instant: number): AppPresenceSession[] {
    return [...(this.sessions.get(person.id)?.values() ?? [])].filter((s) => instant < s.expiresAt);
  }

  /** Sets (or renews) an app's presence session for the person. */
  setAppSession(person: DemoPerson, sessionId: string, session: AppPresenceSession): void {
    const mine = this.sessions.get(person.id) ?? new Map<string, AppPresenceSession>();
    mine.set(sessionId.toLowerCase(), session);
    this.sessions.set(person.id, mine);
    this.emit({ personId: person.id, kind: 'appSession' });
  }

  /** Removes an app's session; `false` when there is none live at `instant` (Graph answers 404). */
  clearAppSession(person: DemoPerson, sessionId: string, instant: number): boolean {
    const mine = this.sessions.get(person.id);
    const session = mine?.get(sessionId.toLowerCase());
    if (!mine || !session) return false;
    mine.delete(sessionId.toLowerCase());
    if (mine.size === 0) this.sessions.delete(person.id);
    if (instant >= session.expiresAt) return false;
    this.emit({ personId: person.id, kind: 'appSession' });
    return true;
  }

  setPreferredPresence(person: DemoPerson, preferred: PreferredPresence): void {
    this.preferred.set(person.id, preferred);
    this.emit({ personId: person.id, kind: 'preferredPresence' });
  }

  clearPreferredPresence(person: DemoPerson): void {
    this.preferred.delete(person.id);
    this.emit({ personId: person.id, kind: 'preferredPresence' });
  }

  /** `undefined` clears the message. */
  setStatusMessage(person: DemoPerson, message: StatusMessage | undefined): void {
    if (message) this.messages.set(person.id, message);
    else this.messages.delete(person.id);
    this.emit({ personId: person.id, kind: 'statusMessage' });
  }

  onChange(listener: PresenceChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: PresenceOverrideChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
