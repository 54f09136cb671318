import { describe, expect, it } from 'vitest';
import { isMobileHostClient } from '../host/host';
import { touchSized } from './narrow';

describe('isMobileHostClient', () => {
  it.each([
    ['android', true], ['ios', true], ['ipados', true],
    ['web', false], ['desktop', false], ['macos', false], [undefined, false],
  ] as const)('%s → %s', (client, mobile) => {
    expect(isMobileHostClient(client)).toBe(mobile);
  });
});

describe('touchSized', () => {
  it.each([
    [{ hostClientType: 'android', narrow: false, coarsePointer: false }, true],
    [{ hostClientType: 'ios', narrow: false, coarsePointer: false }, true],
    [{ hostClientType: 'web', narrow: true, coarsePointer: false }, true],
    [{ hostClientType: 'desktop', narrow: false, coarsePointer: true }, true],
    [{ hostClientType: undefined, narrow: false, coarsePointer: true }, true],
    [{ hostClientType: 'desktop', narrow: false, coarsePointer: false }, false],
    [{ hostClientType: undefined, narrow: false, coarsePointer: false }, false],
  ])('%o → %s', (input, expected) => {
    expect(touchSized(input)).toBe(expected);
  });
});
