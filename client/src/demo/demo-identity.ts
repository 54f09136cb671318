/**
 * The server's demo identity (`/demo/identity`): the people of the demo tenant and tokens for
 * them, shaped like the Teams SSO token. Used only in demo mode, outside Teams.
 */

export interface DemoPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface DemoToken {
  token: string;
  /** Epoch milliseconds after which a new token is needed. */
  expiresAtMs: number;
}

export class DemoIdentityError extends Error {
  constructor(readonly code: 'unavailable' | 'failed', message: string) {
    super(message);
    this.name = 'DemoIdentityError';
  }
}

const PEOPLE_PATH = '/demo/identity/people';
const TOKEN_PATH = '/demo/identity/token';
const CONSENT_PATH = '/demo/identity/consent';
/** Renew a little before expiry, so a token never expires on its way to the server. */
const EXPIRY_MARGIN_MS = 60_000;

export async function fetchDemoPeople(signal?: AbortSignal): Promise<DemoPerson[]> {
  const body = await request(PEOPLE_PATH, { headers: { Accept: 'application/json' }, signal });
  const value = typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
  if (!Array.isArray(value)) throw new DemoIdentityError('failed', `${PEOPLE_PATH} answered without a list of people.`);
  return value.filter(isDemoPerson);
}

/** A token for `userId`; with `claims` (a claims challenge), one that satisfies them, as after an MFA prompt. */
export async function fetchDemoToken(userId: string, nowMs: number, claims: readonly string[] = []): Promise<DemoToken> {
  const body = await request(TOKEN_PATH, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(claims.length > 0 ? { userId, claims } : { userId }),
  });
  if (typeof body !== 'object' || body === null || !('access_token' in body) || typeof body.access_token !== 'string') {
    throw new DemoIdentityError('failed', `${TOKEN_PATH} answered without an access_token.`);
  }
  const expiresIn = 'expires_in' in body && typeof body.expires_in === 'number' ? body.expires_in : 300;
  return { token: body.access_token, expiresAtMs: nowMs + expiresIn * 1000 - EXPIRY_MARGIN_MS };
}

async function request(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new DemoIdentityError('failed', 'Could not reach the Unplug server. Check that it is running, then reload.');
  }
  if (response.status === 404) {
    throw new DemoIdentityError('unavailable',
      `This server has no demo identity (${PEOPLE_PATH} answered 404). Start the server without `
      + 'Microsoft 365 settings (no ENTRA_* variables) to use the built-in demo tenant, or open the tab in Teams.');
  }
  if (!response.ok) throw new DemoIdentityError('failed', `The demo identity answered ${response.status} for ${path}. Reload to try again.`);
  return response.json().catch(() => {
    throw new DemoIdentityError('failed', `The demo identity sent an answer the tab could not read (${path}).`);
  });
}

function isDemoPerson(value: unknown): value is DemoPerson {
  return typeof value === 'object' && value !== null
    && 'id' in value && typeof value.id === 'string'
    && 'displayName' in value && typeof value.displayName === 'string'
    && 'userPrincipalName' in value && typeof value.userPrincipalName === 'string';
}

/**
 * Demo mode's stand-in for the consent prompt: the demo identity records that this person
 * consented to Unplug's Graph permissions (`POST /demo/identity/consent`). From the consent page,
 * `redirectUri` is where Entra would send the person back: the demo identity refuses one that
 * aad.manifest.json does not register (AADSTS50011), as Entra does.
 */
export async function grantDemoConsent(userId: string, redirectUri?: string): Promise<void> {
  await request(CONSENT_PATH, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ granted: true, userId, ...(redirectUri ? { redirectUri } : {}) }),
  });
}
