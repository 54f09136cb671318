/**
 * The order Vitest starts test files in, browser files and the others sharing the workers.
 *
 * Vitest's own order puts one project's files before the other's: every worker then took a
 * browser file (a Chromium and a server each, on a 2-core machine) while the unit files waited.
 * Here the longest files go first, and the browser files are spread through the queue — each
 * followed by unit files that take about as long as it does — so that about one or two
 * Chromiums run at a time, beside unit files, and short files fill in at the end. Only the order
 * changes: every file still runs.
 *
 * How long a file takes: Vitest's record of the last run on this machine; without one (a fresh
 * clone, as in CI) the durations in tests/suite-durations.json (`npm run test:durations` writes
 * them); a file in neither counts as short. Files that failed last time still go first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The browser files: each runs a Chromium and a server of its own. */
export const isBrowserFile = (relativePath: string): boolean => relativePath.startsWith('tests/browser/');

export const RECORDED_DURATIONS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suite-durations.json');

/** tests/suite-durations.json: seconds per file (its path from the repository root), for files of a second or more. */
export interface RecordedDurations {
  measuredOn: string;
  seconds: Record<string, number>;
}

/** What a file in no record counts as: most files take well under a second. */
const SHORT_FILE_MS = 300;

function recordedDurations(): Map<string, number> {
  if (!existsSync(RECORDED_DURATIONS_FILE)) return new Map();
  try {
    const recorded = JSON.parse(readFileSync(RECORDED_DURATIONS_FILE, 'utf8')) as Partial<RecordedDurations>;
    return new Map(Object.entries(recorded.seconds ?? {}).filter(([, s]) => typeof s === 'number' && s >= 0).map(([file, s]) => [file, s * 1000]));
  } catch {
    // Only the order depends on it: a damaged file means Vitest's own order by size.
    return new Map();
  }
}

export class SuiteOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const recorded = recordedDurations();
    const relative = (file: TestSpecification) => path.relative(this.ctx.config.root, file.moduleId);
    // Vitest's own key for a file's record.
    const key = (file: TestSpecification) => `${file.project.name}:${relative(file)}`;
    const durationMs = (file: TestSpecification) => this.ctx.cache.getFileTestResults(key(file))?.duration ?? recorded.get(relative(file)) ?? SHORT_FILE_MS;
    const failed = (file: TestSpecification) => (this.ctx.cache.getFileTestResults(key(file))?.failed ? 1 : 0);
    // Vitest's order (by size without a record) breaks ties; the sort is stable.
    const sorted = (await super.sort(files)).sort((a, b) => failed(b) - failed(a) || durationMs(b) - durationMs(a));
    const browser = sorted.filter((f) => isBrowserFile(relative(f)));
    const others = sorted.filter((f) => !isBrowserFile(relative(f)));
    return interleave(browser, others, durationMs);
  }
}

/**
 * `heavy` files spread through `light` ones: after each heavy file, light files that together
 * take about as long as it does; what is left of the light files goes last.
 *
 * @example
 * interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4'], (f) => ({ B1: 20, B2: 10 })[f] ?? 10) // → B1 u1 u2 B2 u3 u4
 */
export function interleave<T>(heavy: T[], light: T[], durationMs: (file: T) => number): T[] {
  const order: T[] = [];
  let next = 0;
  for (const file of heavy) {
    order.push(file);
    let budget = durationMs(file);
    while (budget > 0 && next < light.length) {
      const item = light[next++] as T;
      order.push(item);
      budget -= durationMs(item);
    }
  }
  return [...order, ...light.slice(next)];
}
