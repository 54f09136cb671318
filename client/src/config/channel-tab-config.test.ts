import { describe, expect, it } from 'vitest';
import { channelTabConfig, tabNameProblem } from './channel-tab-config';

describe('channel tab configuration', () => {
  it('points Teams at the team view under the chosen name', () => {
    expect(channelTabConfig('https://unplug.test', '  Balance ')).toEqual({
      entityId: 'unplug-team', contentUrl: 'https://unplug.test/team', websiteUrl: 'https://unplug.test/team', suggestedDisplayName: 'Balance',
    });
  });

  it('needs a name Teams can show', () => {
    expect(tabNameProblem('Unplug')).toBeUndefined();
    expect(tabNameProblem('   ')).toBe('Give the tab a name.');
    expect(tabNameProblem('x'.repeat(31))).toMatch(/30 characters/);
  });
});
