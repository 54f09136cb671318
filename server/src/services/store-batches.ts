import type { QuietChoice } from '../domain/suggestions/quiet-choices';
import type { Interval, PresenceInterval } from '../domain/types';
import { batched, groupBy } from '../store/batched';
import { orgPolicyRepository, type StoredOrgPolicy } from '../store/repositories/org-policy-repository';
import { peopleRepository, type PersonKey, type StoredPersonSettings } from '../store/repositories/people-repository';
import { quietWindowRepository } from '../store/repositories/quiet-window-repository';
import { statusRepository } from '../store/repositories/status-repository';
import { suggestionStateRepository, type SuggestionState } from '../store/repositories/suggestion-state-repository';
import { teamRepository } from '../store/repositories/team-repository';
import type { Store } from '../store/store';
import { DeferredWrites } from '../store/write-behind';
import { closeAt, storedPresence, type StoredPresenceInterval } from './presence-timeline';
import { settingsFrom, type EffectiveSettings } from './settings-service';

/**
 * What a tab open reads and writes in the store, batched across people: when many open the tab at
 * once (a team stand-up ending, a Monday morning), their reads of one kind share a query per
 * tenant, and their writes (made behind the answers) one statement, instead of one each. One person alone costs what
 * the single-person queries cost. Answers are the same as the repositories' single-person ones.
 */
export interface StoreBatches {
  settings(person: PersonKey): Promise<EffectiveSettings>;
  /** The organisation's stored policy (none until an admin saves one). */
  policy(tenantId: string): Promise<StoredOrgPolicy | undefined>;
  /** What the person saved (none until they save a setting). */
  storedSettings(person: PersonKey): Promise<StoredPersonSettings | undefined>;
  suggestionStates(person: PersonKey): Promise<SuggestionState[]>;
  quietChoices(person: PersonKey): Promise<QuietChoice[]>;
  /** The stored presence timeline over a window; open intervals end at `now`. */
  presence(person: PersonKey, window: Interval, now: Date): Promise<PresenceInterval[]>;
  /**
   * Written behind the answer (store/write-behind.ts), with others' in one statement; resolves once
   * written, never rejects (a failure is reported). No answer needs to wait for it.
   */
  saveWorkingHours(person: PersonKey, workingHours: Record<string, unknown>, now: Date): Promise<void>;
  /** Written behind the answer, as `saveWorkingHours`. */
  saveSnapshot(person: PersonKey, weekStart: string, totals: Record<string, number>, now: Date): Promise<void>;
}

const byStore = new WeakMap<Store, StoreBatches>();

/** The batches of a store (one set per store, so every request of the process shares them). */
export function storeBatches(store: Store): StoreBatches {
  let batches = byStore.get(store);
  if (!batches) {
    batches = createStoreBatches(store);
    byStore.set(store, batches);
  }
  return batches;
}

/** Runs a per-tenant query for each tenant among the people, and answers each person from it. */
function perTenant<K extends PersonKey, V>(query: (tenantId: string, people: K[]) => Promise<Map<string, V>>, missing: () => V) {
  return async (people: readonly K[]): Promise<V[]> => {
    const found = new Map<string, V>();
    for (const [tenantId, group] of groupBy(people, (p) => p.tenantId)) {
      const rows = await query(tenantId, group);
      for (const [userId, value] of rows) found.set(`${tenantId}/${userId}`, value);
    }
    return people.map((p) => found.get(`${p.tenantId}/${p.userId}`) ?? missing());
  };
}

const userIds = (people: readonly PersonKey[]) => [...new Set(people.map((p) => p.userId))];

function createStoreBatches(store: Store): StoreBatches {
  const { db } = store;
  const policyOf = batched(async (tenantIds: readonly string[]) => {
    const found = await orgPolicyRepository(db).findMany([...new Set(tenantIds)]);
    return tenantIds.map((t) => found.get(t));
  });
  const storedSettingsOf = batched(perTenant((tenantId, people) => peopleRepository(db).findFor(tenantId, userIds(people)), () => undefined));
  const statesOf = batched(perTenant((tenantId, people) => suggestionStateRepository(db).listFor(tenantId, userIds(people)), (): SuggestionState[] => []));
  const quietOf = batched(perTenant((tenantId, people) => quietWindowRepository(db).listFor(tenantId, userIds(people)), (): QuietChoice[] => []));

  type PresenceKey = PersonKey & { window: Interval };
  const presenceOf = batched(async (keys: readonly PresenceKey[]) => {
    const found = new Map<PresenceKey, StoredPresenceInterval[]>();
    for (const group of groupBy(keys, (k) => `${k.tenantId}|${k.window.start}|${k.window.end}`).values()) {
      const rows = await storedPresence(store, group[0]!.tenantId, userIds(group), group[0]!.window);
      for (const key of group) found.set(key, rows.get(key.userId) ?? []);
    }
    return keys.map((k) => found.get(k) ?? []);
  });

  type WorkingHoursEntry = { person: PersonKey; workingHours: Record<string, unknown>; now: Date };
  const workingHoursWrites = new DeferredWrites<WorkingHoursEntry>(db, 'working hours', (entries) => statusRepository(db).saveManyWorkingHours(entries));
  type SnapshotEntry = { person: PersonKey; weekStart: string; totals: Record<string, number>; now: Date };
  const snapshotWrites = new DeferredWrites<SnapshotEntry>(db, 'balance snapshots', (entries) => teamRepository(db).saveSnapshots(entries));

  return {
    settings: async (person) => {
      const [policy, stored] = await Promise.all([policyOf(person.tenantId), storedSettingsOf(person)]);
      return settingsFrom(policy, stored);
    },
    policy: (tenantId) => policyOf(tenantId),
    storedSettings: (person) => storedSettingsOf(person),
    suggestionStates: (person) => statesOf(person),
    quietChoices: (person) => quietOf(person),
    presence: async (person, window, now) => closeAt(await presenceOf({ ...person, window }), now),
    saveWorkingHours: (person, workingHours, now) => workingHoursWrites.add({ person, workingHours, now }),
    saveSnapshot: (person, weekStart, totals, now) => snapshotWrites.add({ person, weekStart, totals, now }),
  };
}
