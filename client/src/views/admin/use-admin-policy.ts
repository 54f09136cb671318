import { useState } from 'react';
import type { AuditEntry, OrgPolicy, PolicyResponse } from '@unplug/contract';
import { useApiResource } from '../../common/use-api-resource';
import { useSession } from '../../session/session';
import { checkPolicy } from '../../settings/settings-rules';
import { useSettingsForm } from '../../settings/use-settings-form';

export function usePolicy() {
  return useApiResource<PolicyResponse>('admin-policy', (api, signal) => api.get<PolicyResponse>('/api/admin/policy', { signal }));
}

/** The organisation policy form; each save answers with the new audit trail too. */
export function usePolicyForm(loaded: PolicyResponse) {
  const { api } = useSession();
  const [latest, setLatest] = useState<PolicyResponse | undefined>();
  const form = useSettingsForm<OrgPolicy>(loaded.policy, checkPolicy, async (changes) => {
    const answer = await api.put<PolicyResponse>('/api/admin/policy', changes);
    setLatest(answer);
    return answer.policy;
  });
  const audit: AuditEntry[] = (latest ?? loaded).audit;
  const updatedAt = (latest ?? loaded).updatedAt;
  return { form, audit, updatedAt };
}

/** The problems of one nested part of the policy (`defaults.`), keyed as that part's fields. */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => field.startsWith(prefix)).map(([field, message]) => [field.slice(prefix.length), message]));
}
