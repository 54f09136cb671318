import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import type { Nudges, NudgeSwitches } from '@unplug/contract';
import { asApiError } from '../../common/problems';
import { useApiResource } from '../../common/use-api-resource';
import { useSession } from '../../session/session';

/** The person's nudge switches: each change is saved at once (and undone on screen if it fails). */
export function useNudges() {
  const { api } = useSession();
  const resource = useApiResource<Nudges>('nudges', (client, signal) => client.get<Nudges>('/api/me/nudges', { signal }));
  const [saving, setSaving] = useState<keyof NudgeSwitches | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const { update } = resource;
  const toggle = useCallback(async (key: keyof NudgeSwitches, on: boolean) => {
    setSaving(key);
    setError(undefined);
    update((n) => ({ ...n, [key]: on }));
    try {
      const saved = await api.put<Nudges>('/api/me/nudges', { [key]: on });
      update(() => saved);
    } catch (e) {
      update((n) => ({ ...n, [key]: !on }));
      setError(asApiError(e));
    } finally {
      setSaving(undefined);
    }
  }, [api, update]);
  return { ...resource, saving, error, toggle };
}
