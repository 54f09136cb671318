/**
 * Each demo person's Teams activity feed: what `sendActivityNotification` delivered, newest first.
 * Teams keeps a feed for four weeks; the demo keeps the latest entries per person.
 */
import { randomUUID } from 'node:crypto';
import type { DemoPerson } from './org';

/** Entries kept per person. */
export const MAX_FEED_ENTRIES = 200;

export interface ActivityFeedEntry {
  id: string;
  activityType: string;
  /** The title's reason line as Teams renders it: the template with its values filled in. */
  text: string;
  previewText: string | null;
  topic: { source: 'entityUrl' | 'text'; value: string; webUrl: string | null };
  templateParameters: { name: string; value: string }[];
  chainId: number | null;
  /** Who sent it: the app itself (application permissions) or a person (delegated). */
  sentAs: 'application' | 'delegated';
  createdDateTime: string;
}

export class ActivityFeedStore {
  private readonly feeds = new Map<string, ActivityFeedEntry[]>();

  /** Adds a notification; one with the `chainId` of an earlier one replaces it, as in Teams. */
  deliver(person: DemoPerson, entry: Omit<ActivityFeedEntry, 'id'>): ActivityFeedEntry {
    const stored = { id: randomUUID(), ...entry };
    const feed = (this.feeds.get(person.id) ?? []).filter((e) => entry.chainId === null || e.chainId !== entry.chainId);
    feed.unshift(stored);
    this.feeds.set(person.id, feed.slice(0, MAX_FEED_ENTRIES));
    return stored;
  }

  /** The person's feed, newest first. */
  feed(person: DemoPerson): readonly ActivityFeedEntry[] {
    return this.feeds.get(person.id) ?? [];
  }

  /** Every delivered notification of everyone (tests count them). */
  total(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.length;
    return n;
  }
}
