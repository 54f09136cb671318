import type { QuietChoice } from '../domain/suggestions/quiet-choices';
import type { PresenceInterval } from '../domain/types';
import { quietWindowRepository } from '../store/repositories/quiet-window-repository';
import type { PersonKey } from '../store/repositories/people-repository';
import { suggestionStateRepository, type SuggestionState } from '../store/repositories/suggestion-state-repository';
import type { ApiCaches } from './api-caches';
import { defaultWindow } from './person-calendar';
import type { ApiPorts } from './ports';
import { presenceTimeline } from './presence-timeline';
import { effectiveSettings, type EffectiveSettings } from './settings-service';

const keyOf = (person: PersonKey) => `${person.tenantId}/${person.userId}`;

/** The person's effective settings, through the cache. */
export function cachedSettings(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<EffectiveSettings> {
  return caches.settings.get(keyOf(person), 'settings', () => effectiveSettings(ports.store, person));
}

/** What the person did with suggestions, through the cache. */
export function cachedStates(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<SuggestionState[]> {
  return caches.states.get(keyOf(person), 'states', () => suggestionStateRepository(ports.store.db).list(person));
}

/** The quiet windows the person turned on, through the cache. */
export function cachedQuietChoices(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<QuietChoice[]> {
  return caches.quietChoices.get(keyOf(person), 'quiet', () => quietWindowRepository(ports.store.db).list(person));
}

/** The blocks Unplug booked for the person (accepted suggestions), as the balance takes them. */
export function bookedBlocks(states: readonly SuggestionState[]): { start: number; end: number }[] {
  return states.filter((s) => s.state === 'accepted').map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
}

/** The presence timeline over the usual tab window, through the cache (the sampler adds to it every few minutes). */
export function cachedPresence(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<PresenceInterval[]> {
  const window = defaultWindow(ports.now());
  return caches.presence.get(keyOf(person), `${window.start}`, () => presenceTimeline(ports.store, person, window, ports.now()));
}
