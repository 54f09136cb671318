/**
 * Which presence change-notification subscriptions Unplug should hold: every opted-in person in
 * exactly one subscription of at most 650 people. A subscription's people cannot change once it
 * exists (Graph renews only its expiry), so a change replaces just the subscriptions it touches:
 * people stay where they are, newcomers fill free places first.
 */
import type { Instant } from '../types';
import { MINUTE_MS } from '../time/local-date';
import { MAX_PRESENCE_IDS } from './sampling-plan';

/** Graph: a presence subscription lives at most an hour. Asked a little under, for clock skew. */
export const SUBSCRIPTION_LIFETIME_MS = 59 * MINUTE_MS;
/** Renewed when less than this is left (the renewal job runs more often than that). */
export const RENEW_WITHIN_MS = 20 * MINUTE_MS;

export interface HeldSubscription {
  id: string;
  members: readonly string[];
  expiresAt: Instant;
}

export interface SubscriptionPlan {
  /** Unchanged; `renew` when its expiry is near. */
  keep: { id: string; renew: boolean }[];
  /** Create a subscription for `members`, then delete `id` (its people changed, or it lapsed). */
  replace: { id: string; members: string[] }[];
  /** New subscriptions for people in none. */
  create: string[][];
  /** Subscriptions nobody needs any more. */
  remove: string[];
}

/**
 * @example
 * planSubscriptions([{ id: 's1', members: ['a', 'b'], expiresAt: now + 50 * MINUTE }], ['a', 'b', 'c'], now)
 * // { keep: [], replace: [{ id: 's1', members: ['a', 'b', 'c'] }], create: [], remove: [] }
 */
export function planSubscriptions(held: readonly HeldSubscription[], optedIn: readonly string[], now: Instant, max: number = MAX_PRESENCE_IDS): SubscriptionPlan {
  const wanted = new Set(optedIn);
  const placed = new Set<string>();
  const kept = [...held].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((s) => {
    const members = s.members.filter((id) => wanted.has(id) && !placed.has(id)).slice(0, max);
    for (const id of members) placed.add(id);
    return { held: s, members };
  });
  const waiting = [...wanted].filter((id) => !placed.has(id)).sort();
  for (const k of kept) {
    // A lapsed subscription is replaced anyway, so it can take newcomers too.
    while (k.members.length < max && waiting.length > 0 && (k.members.length > 0 || k.held.expiresAt <= now)) k.members.push(waiting.shift()!);
  }

  const plan: SubscriptionPlan = { keep: [], replace: [], create: [], remove: [] };
  for (const { held: s, members } of kept) {
    if (members.length === 0) plan.remove.push(s.id);
    else if (s.expiresAt <= now || !sameMembers(s.members, members)) plan.replace.push({ id: s.id, members: [...members].sort() });
    else plan.keep.push({ id: s.id, renew: s.expiresAt - now < RENEW_WITHIN_MS });
  }
  for (let i = 0; i < waiting.length; i += max) plan.create.push(waiting.slice(i, i + max));
  return plan;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
