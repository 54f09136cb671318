import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './route';

describe('parseRoute', () => {
  const cases: Array<[string, Route]> = [
    ['/', { surface: 'personal', view: undefined }],
    ['/tab', { surface: 'personal', view: undefined }],
    ['/tab/', { surface: 'personal', view: undefined }],
    ['/tab/suggestions', { surface: 'personal', view: 'suggestions' }],
    ['/tab/nonsense', { surface: 'personal', view: undefined }],
    ['/config', { surface: 'config', view: undefined }],
    ['/team', { surface: 'team', view: undefined }],
    ['/team/privacy', { surface: 'team', view: 'privacy' }],
    ['/index.html', { surface: 'personal', view: undefined }],
    ['/tab/consent', { surface: 'consent', view: undefined }],
  ];
  it.each(cases)('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

describe('pathOf', () => {
  it('round-trips through parseRoute', () => {
    for (const path of ['/tab', '/tab/quiet-time', '/team', '/team/balance', '/config', '/tab/consent']) {
      const { surface, view } = parseRoute(path);
      expect(pathOf(surface, view)).toBe(path);
    }
  });
});
