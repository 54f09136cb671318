import type { Preferences, Profile, QuietTime, SuggestionsResponse } from '@unplug/contract';
import { useApiResource } from '../../common/use-api-resource';
import { useSession } from '../../session/session';
import { checkPreferences, checkQuietTime } from '../../settings/settings-rules';
import { useSettingsForm } from '../../settings/use-settings-form';

/** The person's profile (settings, working hours, features) for the quiet-time page. */
export function useProfile() {
  return useApiResource<Profile>('me', (api, signal) => api.get<Profile>('/api/me', { signal }));
}

/** Meetings already inside quiet time, from the suggestions (loaded apart: the forms need not wait). */
export function useQuietTimeWarnings() {
  return useApiResource<SuggestionsResponse>('suggestions', (api, signal) => api.get<SuggestionsResponse>('/api/me/suggestions', { query: { days: 5 }, signal }));
}

export function useQuietTimeForm(loaded: QuietTime) {
  const { api } = useSession();
  return useSettingsForm(loaded, checkQuietTime, (changes) => api.put<QuietTime>('/api/me/quiet-time', changes));
}

export function usePreferencesForm(loaded: Preferences) {
  const { api } = useSession();
  return useSettingsForm(loaded, checkPreferences, (changes) => api.put<Preferences>('/api/me/preferences', changes));
}
