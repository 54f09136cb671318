import type { QuietChoice } from '../domain/suggestions/quiet-choices';
import type { PresenceInterval } from '../domain/types';
import type { PersonKey } from '../store/repositories/people-repository';
import type { SuggestionState } from '../store/repositories/suggestion-state-repository';
import type { ApiCaches } from './api-caches';
import { defaultWindow } from './person-calendar';
import type { ApiPorts } from './ports';
import { settingsFrom, type EffectiveSettings } from './settings-service';
import { storeBatches } from './store-batches';

const keyOf = (person: PersonKey) => `${person.tenantId}/${person.userId}`;

/** The person's effective settings, through the cache. */
export function cachedSettings(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<EffectiveSettings> {
  return caches.settings.get(keyOf(person), 'settings', async () => {
    // The policy is read once per tenant, not once per person.
    const [policy, stored] = await Promise.all([
      caches.policies.get(`${person.tenantId}/`, 'policy', () => storeBatches(ports.store).policy(person.tenantId)),
      storeBatches(ports.store).storedSettings(person),
    ]);
    return settingsFrom(policy, stored);
  });
}

/** What the person did with suggestions, through the cache. */
export function cachedStates(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<SuggestionState[]> {
  return caches.states.get(keyOf(person), 'states', () => storeBatches(ports.store).suggestionStates(person));
}

/** The quiet windows the person turned on, through the cache. */
export function cachedQuietChoices(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<QuietChoice[]> {
  return caches.quietChoices.get(keyOf(person), 'quiet', () => storeBatches(ports.store).quietChoices(person));
}

/** The blocks Unplug booked for the person (accepted suggestions), as the balance takes them. */
export function bookedBlocks(states: readonly SuggestionState[]): { start: number; end: number }[] {
  return states.filter((s) => s.state === 'accepted').map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
}

/** The presence timeline over the usual tab window, through the cache (the sampler adds to it every few minutes). */
export function cachedPresence(ports: ApiPorts, caches: ApiCaches, person: PersonKey): Promise<PresenceInterval[]> {
  const window = defaultWindow(ports.now());
  return caches.presence.get(keyOf(person), `${window.start}`, () => storeBatches(ports.store).presence(person, window, ports.now()));
}
