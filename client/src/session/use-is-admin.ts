import { useEffect, useState } from 'react';
import type { TokenSource } from '../api/api-client';
import { hasAdminRole } from './token-claims';

/** Whether to offer the admin page: the signed-in token carries the admin app role. */
export function useIsAdmin(getToken: TokenSource | undefined): boolean {
  const [isAdmin, setIsAdmin] = useState(false);
  useEffect(() => {
    if (!getToken) return undefined;
    let current = true;
    getToken().then(
      (token) => current && setIsAdmin(hasAdminRole(token)),
      () => current && setIsAdmin(false), // no token: the views say so when they call the API
    );
    return () => {
      current = false;
    };
  }, [getToken]);
  return isAdmin;
}
