import type { TabConfig } from '../host/host';

/** Teams shows at most this many characters of a tab's name. */
export const TAB_NAME_MAX = 30;

/** What a channel tab saves: Teams then loads the team view as the tab's content. */
export function channelTabConfig(origin: string, name = 'Unplug'): TabConfig {
  return {
    entityId: 'unplug-team',
    contentUrl: `${origin}/team`,
    websiteUrl: `${origin}/team`,
    suggestedDisplayName: name.trim(),
  };
}

/** Why a tab name cannot be used, or undefined when it can. */
export function tabNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the tab a name.';
  if (trimmed.length > TAB_NAME_MAX) return `Keep the name to ${TAB_NAME_MAX} characters or fewer.`;
  return undefined;
}
