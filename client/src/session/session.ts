import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { TabHost } from '../host/host';

/** What every view may use: where the tab runs, the locale, and the API as the signed-in person. */
export interface Session {
  host: TabHost;
  /** BCP 47 tag for dates and numbers (the Teams locale, or the browser's in demo mode). */
  locale: string;
  /** Changes when the person changes (demo person switcher), so views refetch. */
  api: ApiClient;
  isAdmin: boolean;
  /**
   * Runs the consent flow after the API answered `consent_required`: Teams' authentication
   * pop-up, or in demo mode the demo identity's simulated consent. Resolves once granted.
   */
  grantConsent(): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the tab shell');
  return session;
}
