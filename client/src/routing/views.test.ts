import { describe, expect, it } from 'vitest';
import { availableViews, resolveView } from './views';

describe('availableViews', () => {
  it('offers the personal views, and Team first in a channel tab', () => {
    expect(availableViews('personal', false)).toEqual(['balance', 'trend', 'suggestions', 'quiet-time', 'privacy']);
    expect(availableViews('team', false)).toEqual(['team', 'balance', 'trend', 'suggestions', 'quiet-time', 'privacy']);
  });

  it('adds Admin for admins only, and nothing on the configuration page', () => {
    expect(availableViews('personal', true).at(-1)).toBe('admin');
    expect(availableViews('personal', false)).not.toContain('admin');
    expect(availableViews('config', true)).toEqual([]);
    expect(availableViews('consent', true)).toEqual([]);
  });
});

describe('resolveView', () => {
  it.each([
    ['personal', undefined, false, 'balance'],
    ['personal', 'privacy', false, 'privacy'],
    ['personal', 'team', false, 'balance'],
    ['personal', 'admin', false, 'balance'],
    ['personal', 'admin', true, 'admin'],
    ['team', undefined, false, 'team'],
    ['config', 'balance', true, undefined],
  ] as const)('%s %s (admin %s) → %s', (surface, requested, isAdmin, view) => {
    expect(resolveView(surface, requested, isAdmin)).toBe(view);
  });
});
