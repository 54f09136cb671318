import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_PERMISSIONS, MICROSOFT_GRAPH_APP_ID } from '../../scripts/app-package/graph-permissions';
import { repoRoot } from '../config';

/**
 * The Entra app registration Unplug ships (`aad.manifest.json` at the repository root), found from
 * `repoRoot`, which holds for the sources and for the compiled server/dist/server.js alike.
 */
export const AAD_MANIFEST_PATH = path.join(repoRoot, 'aad.manifest.json');

/** OpenID Connect scopes: asked for in the registration, never in a Graph token's `scp`. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** What the demo tenant grants its Unplug app: exactly what the registration asks for. */
export interface DemoRegistration {
  /** Delegated Graph permissions (`Scope` entries), OpenID scopes left out: a consented token's `scp`. */
  delegated: readonly string[];
  /** Application Graph permissions (`Role` entries): an admin-consented app-only token's `roles`. */
  application: readonly string[];
  /** `web` and `spa` redirect URIs, `${{TAB_DOMAIN}}` still in them. */
  redirectUris: readonly string[];
  /**
   * Whether SSO tokens carry `wids` (the person's directory role template ids). Entra emits it
   * only when the registration's `groupMembershipClaims` is `DirectoryRole` or `All`:
   * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference (wids)
   */
  emitsWids: boolean;
}

/** `groupMembershipClaims` values that put `wids` in the app's tokens. */
const WIDS_VALUES = new Set(['directoryrole', 'all']);

interface ManifestShape {
  requiredResourceAccess?: { resourceAppId?: string; resourceAccess?: { id?: string; type?: string }[] }[];
  web?: { redirectUris?: unknown[] };
  spa?: { redirectUris?: unknown[] };
  groupMembershipClaims?: unknown;
}

/**
 * Reads the registration: its Graph permissions, resolving their ids to names with the same list the
 * package checks use (`server/scripts/app-package/graph-permissions.ts`). An id that list does not
 * know is an error: the demo must not guess what an unknown permission allows. Also its redirect
 * URIs and whether its tokens carry `wids`.
 */
export function readRegistration(manifestText: string = readFileSync(AAD_MANIFEST_PATH, 'utf8')): DemoRegistration {
  const manifest = JSON.parse(manifestText) as ManifestShape;
  const delegated: string[] = [];
  const application: string[] = [];
  for (const resource of manifest.requiredResourceAccess ?? []) {
    if (resource.resourceAppId !== MICROSOFT_GRAPH_APP_ID) continue;
    for (const access of resource.resourceAccess ?? []) {
      const known = GRAPH_PERMISSIONS.find((p) => p.id === access.id && p.type === access.type);
      if (!known) throw new Error(`aad.manifest.json asks for Graph permission ${String(access.id)} (${String(access.type)}), which graph-permissions.ts does not list.`);
      if (known.type === 'Role') application.push(known.name);
      else if (!OIDC_SCOPES.has(known.name)) delegated.push(known.name);
    }
  }
  const uris = [...(manifest.web?.redirectUris ?? []), ...(manifest.spa?.redirectUris ?? [])].filter((u): u is string => typeof u === 'string');
  const claims = typeof manifest.groupMembershipClaims === 'string' ? manifest.groupMembershipClaims.split(',').map((p) => p.trim().toLowerCase()) : [];
  return { delegated, application, redirectUris: uris, emitsWids: claims.some((p) => WIDS_VALUES.has(p)) };
}

/** The registered redirect URIs with `${{TAB_DOMAIN}}` resolved to the host the demo runs on. */
export function redirectUrisFor(registration: Pick<DemoRegistration, 'redirectUris'>, tabDomain: string): string[] {
  return registration.redirectUris.map((uri) => uri.split('${{TAB_DOMAIN}}').join(tabDomain));
}
