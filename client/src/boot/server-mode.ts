/** Which platform the server runs against (`GET /mode`). */
export type ServerMode = 'demo' | 'microsoft365';

/**
 * Asks the server whether it runs the demo tenant or Microsoft 365. In Microsoft 365 mode the tab
 * never falls back to demo mode. If the server cannot be asked, `demo`: demo mode then says itself
 * that it cannot sign anyone in, where no demo tenant is served.
 */
export async function fetchServerMode(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<ServerMode> {
  try {
    const response = await fetchImpl('/mode', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return 'demo';
    const body = await response.json() as { mode?: unknown };
    return body.mode === 'microsoft365' ? 'microsoft365' : 'demo';
  } catch {
    return 'demo';
  }
}
