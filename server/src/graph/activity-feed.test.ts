import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config';
import { ACTIVITY_TYPES, activityNotificationBody, PERSONAL_TAB_ENTITY_ID, personalTabDeepLink } from './activity-feed';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'appPackage', 'manifest.json'), 'utf8')) as {
  activities?: { activityTypes?: unknown[] };
  staticTabs: { entityId: string; scopes: string[] }[];
};

describe('activity feed', () => {
  it('declares in the app manifest exactly the activity types Unplug sends', () => {
    expect(manifest.activities?.activityTypes).toEqual(ACTIVITY_TYPES);
    expect(ACTIVITY_TYPES.map((a) => a.type)).not.toContain('systemDefault'); // reserved: never declared
  });

  it('deep-links into the personal tab named in the manifest, with the view as sub-entity', () => {
    expect(manifest.staticTabs.find((t) => t.entityId === PERSONAL_TAB_ENTITY_ID)?.scopes).toEqual(['personal']);
    const link = personalTabDeepLink('c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef', 'quiet-time');
    expect(link).toBe('https://teams.microsoft.com/l/entity/c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef/unplug?context=%7B%22subEntityId%22%3A%22quiet-time%22%7D');
    expect(JSON.parse(new URL(link).searchParams.get('context') ?? '')).toEqual({ subEntityId: 'quiet-time' });
  });

  it('sends a text topic with its web URL, the preview and the template values as Graph names them', () => {
    expect(activityNotificationBody({ activityType: 'longDay', topic: 'Unplug', webUrl: 'https://teams.microsoft.com/l/entity/a/unplug', previewText: 'Connected 8 h today.', templateParameters: { hours: '8 h' } })).toEqual({
      topic: { source: 'text', value: 'Unplug', webUrl: 'https://teams.microsoft.com/l/entity/a/unplug' },
      activityType: 'longDay',
      previewText: { content: 'Connected 8 h today.' },
      templateParameters: [{ name: 'hours', value: '8 h' }],
    });
  });
});
