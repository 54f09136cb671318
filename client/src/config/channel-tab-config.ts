import type { TabConfig } from '../host/host';

/** What a channel tab saves: Teams then loads the team view as the tab's content. */
export function channelTabConfig(origin: string): TabConfig {
  return {
    entityId: 'unplug-team',
    contentUrl: `${origin}/team`,
    suggestedDisplayName: 'Unplug',
  };
}
