import { describe, expect, it } from 'vitest';
import { planSubscriptions, RENEW_WITHIN_MS } from './subscription-plan';

const now = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;
const held = (id: string, members: string[], expiresInMinutes = 50) => ({ id, members, expiresAt: now + expiresInMinutes * MINUTE });

describe('planSubscriptions', () => {
  it('creates subscriptions of at most `max` people when none exist', () => {
    expect(planSubscriptions([], ['e', 'a', 'c', 'b', 'd'], now, 2)).toEqual({ keep: [], replace: [], create: [['a', 'b'], ['c', 'd'], ['e']], remove: [] });
  });

  it('keeps an unchanged subscription, renewing it when its expiry is near', () => {
    const plan = planSubscriptions([held('s1', ['a', 'b']), held('s2', ['c'], RENEW_WITHIN_MS / MINUTE - 1)], ['a', 'b', 'c'], now);
    expect(plan).toEqual({ keep: [{ id: 's1', renew: false }, { id: 's2', renew: true }], replace: [], create: [], remove: [] });
  });

  it('puts a newcomer in a subscription with room, touching no other', () => {
    const plan = planSubscriptions([held('s1', ['a', 'b']), held('s2', ['c'])], ['a', 'b', 'c', 'd'], now, 2);
    expect(plan).toEqual({ keep: [{ id: 's1', renew: false }], replace: [{ id: 's2', members: ['c', 'd'] }], create: [], remove: [] });
  });

  it('replaces a subscription someone left, and removes one nobody needs', () => {
    const plan = planSubscriptions([held('s1', ['a', 'b']), held('s2', ['c'])], ['a'], now);
    expect(plan).toEqual({ keep: [], replace: [{ id: 's1', members: ['a'] }], create: [], remove: ['s2'] });
  });

  it('replaces a lapsed subscription with the same people', () => {
    expect(planSubscriptions([held('s1', ['a'], -1)], ['a'], now)).toEqual({ keep: [], replace: [{ id: 's1', members: ['a'] }], create: [], remove: [] });
  });

  it('never puts a person in two subscriptions', () => {
    const plan = planSubscriptions([held('s1', ['a', 'b']), held('s2', ['b', 'c'])], ['a', 'b', 'c'], now);
    expect(plan.keep).toEqual([{ id: 's1', renew: false }]);
    expect(plan.replace).toEqual([{ id: 's2', members: ['c'] }]);
  });
});
