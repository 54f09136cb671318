import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config';

/** The parts of the app registration (`aad.manifest.json`) that change what the demo identity issues. */
export interface DemoRegistration {
  /**
   * Whether SSO tokens carry `wids` (the person's directory role template ids). Entra emits it
   * only when the registration's `groupMembershipClaims` is `DirectoryRole` or `All`:
   * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference (wids)
   */
  emitsWids: boolean;
}

/** `groupMembershipClaims` values that put `wids` in the app's tokens. */
const WIDS_VALUES = new Set(['directoryrole', 'all']);

export function registrationFrom(manifest: unknown): DemoRegistration {
  const value = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>)['groupMembershipClaims'] : undefined;
  const parts = typeof value === 'string' ? value.split(',').map((p) => p.trim().toLowerCase()) : [];
  return { emitsWids: parts.some((p) => WIDS_VALUES.has(p)) };
}

/**
 * Reads `aad.manifest.json` at the repository root, the registration `teamsapp provision` applies.
 * Without the file (a copy of the server alone), the strict answer: tokens carry no `wids`.
 */
export function readDemoRegistration(file = path.join(repoRoot, 'aad.manifest.json')): DemoRegistration {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { emitsWids: false };
  }
  return registrationFrom(JSON.parse(text) as unknown);
}
