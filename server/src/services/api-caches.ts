import type { QuietChoice } from '../domain/suggestions/quiet-choices';
import type { PresenceInterval } from '../domain/types';
import type { SuggestionState } from '../store/repositories/suggestion-state-repository';
import type { StoredOrgPolicy } from '../store/repositories/org-policy-repository';
import type { EffectiveSettings } from './settings-service';
import { PersonCache, TabDataCache } from './tab-data-cache';

export interface ApiCacheOptions {
  /** Graph data (calendar, working hours, presence now). Default 60 s. */
  tabDataTtlMs?: number;
  /** Store reads: settings, suggestion states, quiet windows, presence timeline. Default 30 s. */
  storeTtlMs?: number;
  /** Graph's answer to "is this person a member of this team". Default 2 min. */
  teamMembershipTtlMs?: number;
}

/**
 * Everything the API reuses between requests for a person. Warm requests then cost no Graph call
 * and no query: the domain computes from what is here. Writes through this instance invalidate
 * what they change; writes elsewhere (another instance, the presence sampler) show within the
 * time to live.
 */
export class ApiCaches {
  readonly tabData: TabDataCache;
  readonly settings: PersonCache<EffectiveSettings>;
  /** The organisation's stored policy, per tenant (every person's settings start from it). */
  readonly policies: PersonCache<StoredOrgPolicy | undefined>;
  readonly states: PersonCache<SuggestionState[]>;
  readonly presence: PersonCache<PresenceInterval[]>;
  /** The quiet windows the person turned on. */
  readonly quietChoices: PersonCache<QuietChoice[]>;
  /** Whether a person is a member of a team (by group id), as Graph answered. */
  readonly teamMembership: PersonCache<boolean>;
  /** Suggestion plans, per horizon and minute (see suggestions-service). */
  readonly plans: PersonCache<unknown>;
  /** The last weekly snapshot written per person and week, so an unchanged one is not rewritten. */
  private readonly snapshots = new Map<string, string>();

  constructor(options: ApiCacheOptions = {}) {
    const storeTtlMs = options.storeTtlMs ?? 30_000;
    this.tabData = new TabDataCache({ ttlMs: options.tabDataTtlMs ?? 60_000 });
    this.settings = new PersonCache({ ttlMs: storeTtlMs });
    this.policies = new PersonCache({ ttlMs: storeTtlMs });
    this.states = new PersonCache({ ttlMs: storeTtlMs });
    this.presence = new PersonCache({ ttlMs: storeTtlMs });
    this.quietChoices = new PersonCache({ ttlMs: storeTtlMs });
    this.plans = new PersonCache({ ttlMs: Math.min(storeTtlMs, 2 * 60_000) });
    this.teamMembership = new PersonCache({ ttlMs: options.teamMembershipTtlMs ?? 2 * 60_000 });
  }

  /** `true` when the snapshot differs from the last one written here (and records it). */
  snapshotChanged(personKey: string, week: string, totals: Record<string, number>): boolean {
    const key = `${personKey}|${week}`;
    const json = JSON.stringify(totals);
    if (this.snapshots.get(key) === json) return false;
    if (this.snapshots.size > 20_000) this.snapshots.clear();
    this.snapshots.set(key, json);
    return true;
  }

  /** After the person's data changed (settings, accepted or dismissed suggestions, erasure). */
  invalidatePerson(personKey: string): void {
    for (const cache of [this.tabData, this.settings, this.states, this.presence, this.quietChoices, this.plans, this.teamMembership]) cache.invalidate(personKey);
    for (const key of this.snapshots.keys()) if (key.startsWith(`${personKey}|`)) this.snapshots.delete(key);
  }

  /** After a suggestion was claimed or released: what the person did with suggestions, and the plans built on it. */
  invalidateSuggestions(personKey: string): void {
    this.states.invalidate(personKey);
    this.plans.invalidate(personKey);
  }

  /** After the organisation's policy changed: every person's effective settings. */
  invalidateTenant(tenantId: string): void {
    this.settings.invalidate(`${tenantId}/`);
    this.policies.invalidate(`${tenantId}/`);
    this.plans.invalidate(`${tenantId}/`);
  }
}
