/**
 * The order Vitest starts test files in, when the unit and browser projects share their workers.
 *
 * Vitest's own order puts one project's files before the other's: every worker then took a
 * browser file (one Chromium each on a 2-core machine) while the unit files waited. Here the
 * browser files are spread through the queue instead — each followed by about as much unit work
 * as keeps the other workers busy while it runs — so that mostly one Chromium runs at a time,
 * beside unit files. Within each project the order stays Vitest's (failed first, then longest).
 * Only the order changes: every file still runs, in a worker of its own project.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const BROWSER_PROJECT = 'browser';

export class SuiteOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((f) => f.project.name === BROWSER_PROJECT);
    const others = sorted.filter((f) => f.project.name !== BROWSER_PROJECT);
    const workers = Number(browser[0]?.project.config.maxWorkers ?? 1);
    return interleave(browser, others, workers, (f) => this.lastDurationMs(f));
  }

  /** How long the file took last time on this machine (Vitest's cache), if known. */
  private lastDurationMs(file: TestSpecification): number | undefined {
    const key = `${file.project.name}:${file.moduleId.slice(this.ctx.config.root.length + 1)}`;
    return this.ctx.cache.getFileTestResults(key)?.duration;
  }
}

/**
 * `heavy` files spread through `light` ones: after each heavy file, light files worth `workers - 1`
 * times its duration. Without known durations, the light files are shared out evenly.
 *
 * @example
 * interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4'], 2, () => undefined) // → B1 u1 u2 B2 u3 u4
 */
export function interleave<T>(heavy: T[], light: T[], workers: number, durationMs: (file: T) => number | undefined): T[] {
  if (heavy.length === 0 || light.length === 0) return [...heavy, ...light];
  const known = [...heavy, ...light].every((f) => durationMs(f) !== undefined);
  const weight = (f: T) => (known ? (durationMs(f) as number) : 1);
  const order: T[] = [];
  let next = 0;
  for (const file of heavy) {
    order.push(file);
    let budget = known ? weight(file) * Math.max(1, workers - 1) : light.length / heavy.length;
    while (budget > 0 && next < light.length) {
      const item = light[next++] as T;
      order.push(item);
      budget -= weight(item);
    }
  }
  return [...order, ...light.slice(next)];
}
