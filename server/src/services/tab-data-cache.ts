import type { TabData } from '../graph/tab-data';

export interface PersonCacheOptions {
  /** How long an entry is reused. Default 60 s. */
  ttlMs?: number;
  /** At most this many entries; the oldest go first. Default 5,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * A short-lived cache of what was loaded for a person (from Graph or the store), per person and
 * a sub-key: a repeated tab open costs no Graph call and no query, and simultaneous loads share
 * one. Writes on this instance invalidate the person (or the whole tenant); other instances see a
 * change within the time to live.
 */
export class PersonCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PersonCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get(personKey: string, subKey: string, load: () => Promise<T>): Promise<T> {
    const key = `${personKey}|${subKey}`;
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

  /** Forgets one person (`tenant/user`), or every person of a tenant (`tenant/`). */
  invalidate(personKeyOrTenantPrefix: string): void {
    const prefix = personKeyOrTenantPrefix.endsWith('/') ? personKeyOrTenantPrefix : `${personKeyOrTenantPrefix}|`;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) this.entries.delete(key);
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

/** What a tab load fetched from Graph, per person and window. */
export class TabDataCache extends PersonCache<TabData> {}
