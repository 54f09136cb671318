import { findUnplugCall, grantingPermissions } from './graph-calls';

/**
 * What Microsoft Graph said about the app's own (application) permissions in a tenant, learned
 * from its answers, never from the app-only token: access tokens for Graph are opaque to their
 * clients ("don't decode them", https://learn.microsoft.com/entra/identity-platform/access-tokens).
 * An app-only call Graph refuses with a permission 403 is recorded here for a while, so the
 * background features say "permission missing" instead of calling Graph again and again.
 *
 * Kept per token source (one per server), so separate servers in one process never mix.
 */
const refusals = new WeakMap<object, Map<string, Map<string, number>>>();
const SOURCE = Symbol('unplug.permissionRefusals.source');
/** Stands for "every application permission": a refused call with no row in the Graph calls table. */
const ANY = '*';

/** The token source refusals are kept for: a wrapper (`sharingRefusals`) shares its inner one's. */
function sourceOf(tokens: object): object {
  return (tokens as { [SOURCE]?: object })[SOURCE] ?? tokens;
}

/** `wrapper`, marked as the same token source as `inner` (e.g. a single-flight wrapper). */
export function sharingRefusals<T extends object>(inner: object, wrapper: T): T {
  return Object.assign(wrapper, { [SOURCE]: sourceOf(inner) });
}

/** How long a refusal is believed: after that, one call tries again (an admin may have granted it). */
export const REFUSAL_MEMORY_MS = 10 * 60_000;

/**
 * The application permissions a refused call shows the app lacks: every permission that grants
 * the call (its row of the Graph calls table), since Graph grants it with any one of them. A call
 * with no row stands for all of them. Kept per permission, so a refused nudge
 * (`TeamsActivity.Send`) says nothing about the status (`Presence.ReadWrite.All`).
 */
export function refusedPermissions(method: string, path: string): readonly string[] {
  const row = findUnplugCall(method, path);
  const granting = row ? grantingPermissions(row, 'application') : [];
  return granting.length > 0 ? granting : [ANY];
}

export function recordPermissionRefusal(tokens: object, tenantId: string, permissions: readonly string[], atMs: number): void {
  const source = sourceOf(tokens);
  let byTenant = refusals.get(source);
  if (!byTenant) refusals.set(source, (byTenant = new Map()));
  const tenant = tenantId.toLowerCase();
  let byPermission = byTenant.get(tenant);
  if (!byPermission) byTenant.set(tenant, (byPermission = new Map()));
  for (const permission of permissions) byPermission.set(permission, atMs);
}

/**
 * Whether Graph showed, within the memory, that the app holds none of `anyOf` in this tenant (a
 * call granted by them was refused with a permission 403).
 */
export function permissionRefusedRecently(tokens: object, tenantId: string, anyOf: readonly string[], nowMs: number): boolean {
  const byPermission = refusals.get(sourceOf(tokens))?.get(tenantId.toLowerCase());
  if (!byPermission) return false;
  const recent = (permission: string) => {
    const at = byPermission.get(permission);
    return at !== undefined && nowMs - at < REFUSAL_MEMORY_MS;
  };
  return recent(ANY) || (anyOf.length > 0 && anyOf.every(recent));
}
