import { describe, expect, it } from 'vitest';
import { viewOfDeepLink } from './demo-activity';

describe('viewOfDeepLink', () => {
  it.each([
    ['https://teams.microsoft.com/l/entity/d3e0f00d-0000-4000-8000-00000000feed/unplug?context=%7B%22subEntityId%22%3A%22quiet-time%22%7D', 'quiet-time'],
    ['https://teams.microsoft.com/l/entity/x/unplug?context=%7B%22subEntityId%22%3A%22balance%22%7D', 'balance'],
    ['https://teams.microsoft.com/l/entity/x/unplug?context=%7B%22subEntityId%22%3A%22nowhere%22%7D', undefined],
    ['https://teams.microsoft.com/l/entity/x/unplug?context=not-json', undefined],
    ['https://teams.microsoft.com/l/entity/x/unplug', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, view) => {
    expect(viewOfDeepLink(url)).toBe(view);
  });
});
