import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';

/** What `GET /api/me/access` answers. */
export interface Access {
  tenantId: string;
  userId: string;
  isAdmin: boolean;
}

/**
 * Whether to offer the admin page, as the server decides it (the app role Unplug.Admin, or a
 * Global or Teams Administrator by the token's `wids`): the same rule the admin routes apply, so
 * nobody the server lets in finds the page hidden. Reading the token here would miss `wids`.
 */
export async function fetchIsAdmin(api: ApiClient): Promise<boolean> {
  return (await api.get<Access>('/api/me/access')).isAdmin === true;
}

export function useIsAdmin(api: ApiClient | undefined): boolean {
  const [isAdmin, setIsAdmin] = useState(false);
  useEffect(() => {
    if (!api) return undefined;
    let current = true;
    fetchIsAdmin(api).then(
      (admin) => current && setIsAdmin(admin),
      () => current && setIsAdmin(false), // the views say what is wrong when they call the API
    );
    return () => {
      current = false;
    };
  }, [api]);
  return isAdmin;
}
