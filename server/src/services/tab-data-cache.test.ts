import { describe, expect, it } from 'vitest';
import type { TabData } from '../graph/tab-data';
import { TabDataCache } from './tab-data-cache';

const data = (n: number): TabData => ({ events: [], workingHours: { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone: { kind: 'iana', name: `Zone/${n}` } }, presence: null });

describe('TabDataCache', () => {
  it('reuses a load within the window and shares simultaneous loads', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new TabDataCache({ ttlMs: 1000, now: () => clock });
    const load = async () => data(++loads);
    const [a, b] = await Promise.all([cache.get('p', 'r', load), cache.get('p', 'r', load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    clock = 999;
    await cache.get('p', 'r', load);
    expect(loads).toBe(1);
    clock = 1000;
    await cache.get('p', 'r', load);
    expect(loads).toBe(2);
  });

  it('forgets a person on invalidate, and never keeps a failed load', async () => {
    let loads = 0;
    const cache = new TabDataCache();
    await cache.get('p', 'r', async () => data(++loads));
    await cache.get('q', 'r', async () => data(++loads));
    cache.invalidate('p');
    await cache.get('p', 'r', async () => data(++loads));
    await cache.get('q', 'r', async () => data(++loads));
    expect(loads).toBe(3);
    await expect(cache.get('f', 'r', () => Promise.reject(new Error('graph down')))).rejects.toThrow('graph down');
    await cache.get('f', 'r', async () => data(++loads));
    expect(loads).toBe(4);
  });

  it('keeps at most maxEntries', async () => {
    let loads = 0;
    const cache = new TabDataCache({ maxEntries: 2 });
    for (const p of ['a', 'b', 'c']) await cache.get(p, 'r', async () => data(++loads));
    await cache.get('a', 'r', async () => data(++loads));
    expect(loads).toBe(4);
  });
});
