import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interleave, isBrowserFile, RECORDED_DURATIONS_FILE, type RecordedDurations } from './suite-order';

const durations: Record<string, number> = { B1: 60, B2: 20, u1: 30, u2: 30, u3: 10, u4: 10, u5: 5 };
const known = (f: string) => durations[f] ?? 1;

describe('interleave: browser files spread through the unit files', () => {
  it('follows each heavy file with light files that take about as long', () => {
    expect(interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4', 'u5'], known)).toEqual(['B1', 'u1', 'u2', 'B2', 'u3', 'u4', 'u5']);
    expect(interleave(['B1', 'B2'], ['u3', 'u4', 'u5', 'u1', 'u2'], known)).toEqual(['B1', 'u3', 'u4', 'u5', 'u1', 'u2', 'B2']);
  });

  it('keeps every file exactly once, in each kind its own order', () => {
    const heavy = ['B1', 'B2', 'B3'];
    const light = Array.from({ length: 40 }, (_, i) => `u${i}`);
    const order = interleave(heavy, light, (f) => (f.startsWith('B') ? 7 : 1));
    expect([...order].sort()).toEqual([...heavy, ...light].sort());
    expect(order.filter((f) => f.startsWith('B'))).toEqual(heavy);
    expect(order.filter((f) => f.startsWith('u'))).toEqual(light);
    expect(order.indexOf('B2') - order.indexOf('B1')).toBe(8);
  });

  it('leaves a list alone when the other is empty', () => {
    expect(interleave([], ['u1', 'u2'], known)).toEqual(['u1', 'u2']);
    expect(interleave(['B1', 'B2'], [], known)).toEqual(['B1', 'B2']);
  });
});

describe('tests/suite-durations.json (the order in a fresh clone)', () => {
  it('names files that exist, each with a duration in seconds', () => {
    expect(existsSync(RECORDED_DURATIONS_FILE)).toBe(true);
    const recorded = JSON.parse(readFileSync(RECORDED_DURATIONS_FILE, 'utf8')) as RecordedDurations;
    const entries = Object.entries(recorded.seconds);
    expect(entries.length).toBeGreaterThan(10);
    for (const [file, seconds] of entries) {
      expect(existsSync(file), `${file}: no such file (run \`npm run test:durations\` after a whole run)`).toBe(true);
      expect(seconds, file).toBeGreaterThan(0);
    }
    expect(entries.filter(([file]) => isBrowserFile(file)).length).toBeGreaterThan(3);
  });
});
