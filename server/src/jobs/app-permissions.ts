import type { GraphTokens } from '../auth/graph-tokens';
import { ConsentRequiredError } from '../graph/errors';
import { permissionRefusedRecently } from '../graph/permission-refusals';

/** Why a background feature cannot run in a tenant, worded for the person who sees it. */
export interface Unavailable {
  code: 'feature_disabled' | 'admin_consent_required' | 'permission_missing' | 'app_token_failed';
  message: string;
}

/**
 * Whether a background feature can run in a tenant: Unplug can sign in as the app (an admin
 * consented to its application permissions), and Graph has not lately refused its app-only calls
 * for a missing permission (see `permission-refusals.ts`). The app-only token itself is opaque:
 * Unplug never decodes it to read `roles`; which permissions were granted shows in Graph's answers.
 * `anyOf` names the permissions the feature needs, for the message.
 */
export async function requirePermission(tokens: Pick<GraphTokens, 'appOnly'>, tenantId: string, anyOf: readonly string[], nowMs = Date.now()): Promise<Unavailable | undefined> {
  try {
    await tokens.appOnly(tenantId);
  } catch (error) {
    if (error instanceof ConsentRequiredError) {
      return { code: 'admin_consent_required', message: 'An administrator has not granted Unplug its application permissions yet.' };
    }
    return { code: 'app_token_failed', message: 'Unplug could not sign in as the app right now; it will try again.' };
  }
  if (permissionRefusedRecently(tokens, tenantId, anyOf, nowMs)) {
    return { code: 'permission_missing', message: `Microsoft Graph refused Unplug's app: an administrator needs to grant Unplug the application permission ${anyOf[0]}.` };
  }
  return undefined;
}

/** Writing status messages and Unplug's presence session needs this. */
export const STATUS_PERMISSIONS = ['Presence.ReadWrite.All'] as const;
/** Reading everyone's presence (the timeline) needs one of these. */
export const PRESENCE_READ_PERMISSIONS = ['Presence.Read.All', 'Presence.ReadWrite.All'] as const;
/** Posting nudges to people's Teams activity feed needs this. */
export const NUDGE_PERMISSIONS = ['TeamsActivity.Send'] as const;
