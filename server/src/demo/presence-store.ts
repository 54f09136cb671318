import type { CalendarStore } from './calendar-store';
import type { DemoPerson } from './org';
import { presenceAt, type PreferredPresence, type Presence, type StatusMessage } from './presence-model';

/** What an app changed about someone's presence. */
export interface PresenceOverrideChange {
  personId: string;
  kind: 'preferredPresence' | 'statusMessage';
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
  private readonly listeners = new Set<PresenceChangeListener>();

  constructor(private readonly calendars: CalendarStore) {}

  at(person: DemoPerson, instant: number): Presence {
    return presenceAt(person, instant, this.calendars.list(person, instant, instant + 1), {
      preferred: this.preferred.get(person.id),
      statusMessage: this.messages.get(person.id),
    });
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
