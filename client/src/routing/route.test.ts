import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route, deepLinkedPath } from './route';

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

describe('deepLinkedPath (a nudge\'s deep link into the personal tab)', () => {
  it.each([
    ['/tab', 'quiet-time', '/tab/quiet-time'],
    ['/', 'balance', '/tab/balance'],
    ['/tab/suggestions', 'balance', undefined], // the address already names a view
    ['/tab', 'nowhere', undefined],
    ['/tab', undefined, undefined],
    ['/team', 'balance', undefined], // only the personal tab
    ['/config', 'balance', undefined],
  ])('%s with sub-page %s → %s', (pathname, subPageId, expected) => {
    expect(deepLinkedPath(pathname, subPageId)).toBe(expected);
  });
});
