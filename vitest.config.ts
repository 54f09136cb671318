import { defineConfig } from 'vitest/config';
import { SuiteOrder } from './tests/suite-order';

// Every test runs in a zone that is not UTC, with an odd DST rule (a 30-minute shift), so any
// accidental use of the machine's zone shows up. `npm test` sets it too; this covers direct runs.
process.env.TZ ??= 'Australia/Lord_Howe';

/**
 * Workers for both projects, which then run side by side: Vitest runs projects with different
 * worker counts (or a project of one worker) one after the other, and the browser files alone,
 * one at a time, took half the suite's time while the unit workers sat done. Three on a 2-core
 * machine: these files (servers in processes of their own, Chromium, databases, Graph latency)
 * wait much of the time, and a third worker fills those waits — 176 s instead of 204 s for the
 * whole suite, with the same CPU time (docs/benchmarks.md). The order (tests/suite-order.ts)
 * keeps about one or two Chromiums running at a time.
 */
const WORKERS = 3;

export default defineConfig({
  test: {
    // Browser files spread among the unit files, so that mostly one Chromium runs at a time.
    sequence: { sequencer: SuiteOrder },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contract/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'tests/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
          // A worker keeps the modules it has loaded for its next file (each test file is still
          // run afresh): importing Fastify, the app, PGlite and the demo tenant again for every
          // file was a third of the suite's CPU time. Nothing here mocks modules or changes globals.
          isolate: false,
          setupFiles: ['tests/setup-worker.ts'],
          // Builds server/dist when it is missing or stale, and makes the in-memory store template, once.
          globalSetup: ['tests/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: WORKERS,
          isolate: false,
          setupFiles: ['tests/setup-worker.ts'],
          // Builds client/dist once, before any browser file starts, when it is missing or stale.
          globalSetup: ['tests/browser/harness/global-setup.ts'],
        },
      },
    ],
  },
});
