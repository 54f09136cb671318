import { DEFAULT_ORG_POLICY } from '../domain/defaults';
import type { OrgPolicy, Preferences, QuietTimePreferences } from '../domain/types';
import { orgPolicyRepository, type StoredOrgPolicy } from '../store/repositories/org-policy-repository';
import { peopleRepository, type PersonKey, type StoredPersonSettings } from '../store/repositories/people-repository';
import type { Store } from '../store/store';

export interface EffectiveSettings {
  policy: OrgPolicy;
  preferences: Preferences;
  quietTime: QuietTimePreferences;
}

/**
 * Settings as they apply: Unplug's defaults, overridden by the organisation's policy, overridden
 * by what the person chose. Stored values are partial, so a new setting gets its default.
 */
export async function effectiveSettings(store: Store, person: PersonKey): Promise<EffectiveSettings> {
  const [storedPolicy, stored] = await Promise.all([
    orgPolicyRepository(store.db).find(person.tenantId),
    peopleRepository(store.db).find(person),
  ]);
  return settingsFrom(storedPolicy, stored);
}

/** The effective settings from what is stored for the organisation and the person (either may be absent). */
export function settingsFrom(storedPolicy: StoredOrgPolicy | undefined, stored: StoredPersonSettings | undefined): EffectiveSettings {
  const policy = mergePolicy(storedPolicy?.policy ?? {});
  return {
    policy,
    preferences: { ...policy.defaults, ...(stored?.preferences as Partial<Preferences> | undefined) },
    quietTime: { ...policy.quietTimeDefaults, ...(stored?.quietTime as Partial<QuietTimePreferences> | undefined) },
  };
}

export function mergePolicy(stored: Record<string, unknown>): OrgPolicy {
  const partial = stored as Partial<OrgPolicy>;
  return {
    ...DEFAULT_ORG_POLICY,
    ...partial,
    defaults: { ...DEFAULT_ORG_POLICY.defaults, ...partial.defaults },
    quietTimeDefaults: { ...DEFAULT_ORG_POLICY.quietTimeDefaults, ...partial.quietTimeDefaults },
    features: { ...DEFAULT_ORG_POLICY.features, ...partial.features },
  };
}
