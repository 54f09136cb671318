import type { DemoPerson } from '../org';

/**
 * The demo tenant's Conditional Access: a policy that asks chosen people for multi-factor
 * authentication before Unplug may act for them. As in Entra, on-behalf-of with an SSO token that
 * does not satisfy it answers `interaction_required` (AADSTS50076) with a claims challenge, which
 * the client passes to `getAuthToken({ claims })` to get a token that does.
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow (error response)
 * https://learn.microsoft.com/entra/identity-platform/claims-challenge (the `acrs` claims request)
 */
export class ConditionalAccess {
  /** The authentication context the policy is bound to; satisfied tokens carry it in `acrs`. */
  static readonly AUTH_CONTEXT = 'c1';
  /** The claims challenge Entra sends back: the `acrs` value that must be in the token. */
  static readonly CHALLENGE = JSON.stringify({ access_token: { acrs: { essential: true, value: ConditionalAccess.AUTH_CONTEXT } } });

  private readonly mfaRequired = new Set<string>();

  requireMfa(person: DemoPerson, required: boolean): void {
    if (required) this.mfaRequired.add(person.id);
    else this.mfaRequired.delete(person.id);
  }

  requiresMfa(person: DemoPerson): boolean {
    return this.mfaRequired.has(person.id);
  }

  /** The claims challenge for an SSO token of `person` with these `acrs`, or undefined when it satisfies the policy. */
  challengeFor(person: DemoPerson, acrs: unknown): string | undefined {
    if (!this.requiresMfa(person)) return undefined;
    const satisfied = Array.isArray(acrs) && acrs.includes(ConditionalAccess.AUTH_CONTEXT);
    return satisfied ? undefined : ConditionalAccess.CHALLENGE;
  }
}

/**
 * The authentication contexts a client's claims request asks for (`getAuthToken({ claims })`):
 * each entry is a JSON claims request such as `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`.
 * Returns undefined when an entry is not such JSON.
 */
export function requestedAuthContexts(claims: readonly string[]): string[] | undefined {
  const contexts: string[] = [];
  for (const entry of claims) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const acrs = (parsed as { access_token?: { acrs?: { value?: unknown; values?: unknown } } }).access_token?.acrs;
    if (typeof acrs?.value === 'string') contexts.push(acrs.value);
    if (Array.isArray(acrs?.values)) contexts.push(...acrs.values.filter((v): v is string => typeof v === 'string'));
  }
  return contexts;
}
