import { decodeJwt } from 'jose';
import type { GraphTokens } from '../auth/graph-tokens';
import { ConsentRequiredError } from '../graph/errors';

/** Why a background feature cannot run in a tenant, worded for the person who sees it. */
export interface Unavailable {
  code: 'feature_disabled' | 'admin_consent_required' | 'permission_missing' | 'app_token_failed';
  message: string;
}

/**
 * The application permissions (`roles`) an admin granted Unplug in a tenant, read from the
 * app-only token MSAL gets (and caches) for jobs. The token is never logged or kept.
 */
export async function applicationRoles(tokens: Pick<GraphTokens, 'appOnly'>, tenantId: string): Promise<{ ok: true; roles: string[] } | { ok: false; reason: Unavailable }> {
  let token: string;
  try {
    token = await tokens.appOnly(tenantId);
  } catch (error) {
    if (error instanceof ConsentRequiredError) {
      return { ok: false, reason: { code: 'admin_consent_required', message: 'An administrator has not granted Unplug its application permissions yet.' } };
    }
    return { ok: false, reason: { code: 'app_token_failed', message: 'Unplug could not sign in as the app right now; it will try again.' } };
  }
  const roles = decodeJwt(token)['roles'];
  return { ok: true, roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [] };
}

/** Whether one of the permissions is granted; the reason when none is. */
export async function requirePermission(tokens: Pick<GraphTokens, 'appOnly'>, tenantId: string, anyOf: readonly string[]): Promise<Unavailable | undefined> {
  const granted = await applicationRoles(tokens, tenantId);
  if (!granted.ok) return granted.reason;
  if (anyOf.some((p) => granted.roles.includes(p))) return undefined;
  return {
    code: granted.roles.length === 0 ? 'admin_consent_required' : 'permission_missing',
    message: granted.roles.length === 0
      ? 'An administrator has not granted Unplug its application permissions yet.'
      : `An administrator needs to grant Unplug the application permission ${anyOf[0]}.`,
  };
}

/** Writing status messages and preferred presence needs this. */
export const STATUS_PERMISSIONS = ['Presence.ReadWrite.All'] as const;
/** Reading everyone's presence (the timeline) needs one of these. */
export const PRESENCE_READ_PERMISSIONS = ['Presence.Read.All', 'Presence.ReadWrite.All'] as const;
/** Posting nudges to people's Teams activity feed needs this. */
export const NUDGE_PERMISSIONS = ['TeamsActivity.Send'] as const;
