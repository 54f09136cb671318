/**
 * Teams activity-feed notifications to one person, as the app:
 * `POST /users/{id}/teamwork/sendActivityNotification`
 * (https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification).
 * The topic is custom text with a `webUrl` deep link into Unplug's personal tab; the activity
 * type must be one the app manifest declares (`ACTIVITY_TYPES`, checked against
 * `appPackage/manifest.json` by a test). Graph answers 204 No Content.
 */
import type { NudgeKind, NudgeTarget } from '../domain/nudges/nudge-types';
import type { GraphHttp } from './graph-client';

export interface ActivityType {
  type: string;
  description: string;
  templateText: string;
}

/** The activity types `appPackage/manifest.json` declares under `activities.activityTypes`. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [
  { type: 'startingSoon', description: 'A disconnect block or quiet time starts in 5 minutes', templateText: '{what} starts at {time}' },
  { type: 'longDay', description: 'After a long connected day, a suggestion for tomorrow', templateText: 'Long connected day ({hours}): a suggestion for tomorrow' },
  { type: 'weeklySummary', description: 'Your week’s balance, its trend and one suggestion', templateText: 'Your week: {share} offline, {trend}' },
];

export const ACTIVITY_TYPE_OF: Record<NudgeKind, string> = {
  'starting-soon': 'startingSoon',
  'long-day': 'longDay',
  'weekly-summary': 'weeklySummary',
};

/** The `entityId` of Unplug's personal tab in the manifest's `staticTabs`. */
export const PERSONAL_TAB_ENTITY_ID = 'unplug';

/**
 * A Teams deep link to the personal tab, opening one view (`subEntityId`, read by the tab from its
 * context as `page.subPageId`): `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context=…`
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export function personalTabDeepLink(teamsAppId: string, target: NudgeTarget): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: target }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?context=${context}`;
}

export interface ActivityNotification {
  activityType: string;
  /** The topic line: custom text, linking to `webUrl`. */
  topic: string;
  webUrl: string;
  previewText: string;
  templateParameters: Record<string, string>;
}

/** Graph's request body for one notification. */
export function activityNotificationBody(n: ActivityNotification): Record<string, unknown> {
  return {
    topic: { source: 'text', value: n.topic, webUrl: n.webUrl },
    activityType: n.activityType,
    previewText: { content: n.previewText },
    templateParameters: Object.entries(n.templateParameters).map(([name, value]) => ({ name, value })),
  };
}

/** Sends one notification to a person's activity feed (app-only, `TeamsActivity.Send`). */
export async function sendActivityNotification(http: GraphHttp, userId: string, notification: ActivityNotification): Promise<void> {
  await http.post(`/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`, activityNotificationBody(notification));
}
