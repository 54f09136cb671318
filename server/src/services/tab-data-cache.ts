import type { TabData } from '../graph/tab-data';

export interface TabDataCacheOptions {
  /** How long a loaded calendar is reused. Default 60 s. */
  ttlMs?: number;
  /** At most this many entries; the oldest go first. Default 5,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<TabData>;
}

/**
 * A short-lived cache of what a tab load fetched from Graph, per person and range: a second tab
 * open within the window costs no Graph call, and simultaneous loads share one call. Accepting or
 * dismissing invalidates the person's entries.
 */
export class TabDataCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: TabDataCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get(personKey: string, rangeKey: string, load: () => Promise<TabData>): Promise<TabData> {
    const key = `${personKey}|${rangeKey}`;
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed load must not be served from the cache.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.evict();
    return value;
  }

  invalidate(personKey: string): void {
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${personKey}|`)) this.entries.delete(key);
    }
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
