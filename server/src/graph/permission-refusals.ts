/**
 * What Microsoft Graph said about the app's own (application) permissions in a tenant, learned
 * from its answers, never from the app-only token: access tokens for Graph are opaque to their
 * clients ("don't decode them", https://learn.microsoft.com/entra/identity-platform/access-tokens).
 * An app-only call Graph refuses with a permission 403 is recorded here for a while, so the
 * background features say "permission missing" instead of calling Graph again and again.
 *
 * Kept per token source (one per server), so separate servers in one process never mix.
 */
const refusals = new WeakMap<object, Map<string, number>>();
const SOURCE = Symbol('unplug.permissionRefusals.source');

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

export function recordPermissionRefusal(tokens: object, tenantId: string, atMs: number): void {
  const source = sourceOf(tokens);
  let byTenant = refusals.get(source);
  if (!byTenant) refusals.set(source, (byTenant = new Map()));
  byTenant.set(tenantId.toLowerCase(), atMs);
}

/** Whether Graph refused an app-only call in this tenant for a missing permission within the memory. */
export function permissionRefusedRecently(tokens: object, tenantId: string, nowMs: number): boolean {
  const at = refusals.get(sourceOf(tokens))?.get(tenantId.toLowerCase());
  return at !== undefined && nowMs - at < REFUSAL_MEMORY_MS;
}
