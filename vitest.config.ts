import { defineConfig } from 'vitest/config';
import { SuiteOrder } from './tests/suite-order';

// Every test runs in a zone that is not UTC, with an odd DST rule (a 30-minute shift), so any
// accidental use of the machine's zone shows up. `npm test` sets it too; this covers direct runs.
process.env.TZ ??= 'Australia/Lord_Howe';

/**
 * Workers for every file, browser files included. Three on a 2-core machine: these files (servers
 * in processes of their own, Chromium, databases, Graph latency) wait much of the time, and a third
 * worker fills those waits (with two: 204 s for the whole suite; with three: 176 s, the same CPU
 * time; with four: 225 s, the cores overloaded; docs/benchmarks.md). The order
 * (tests/suite-order.ts) keeps about one or two Chromiums running at a time.
 */
const WORKERS = 3;

export default defineConfig({
  test: {
    // One project for the unit, integration and browser files: a worker only takes files of its own
    // project, so with two, a worker moving between them was a new process importing everything
    // again (Playwright, the app, PGlite: 2–5 s each time, about 30 s of the suite's worker time).
    include: [
      'contract/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'tests/*.test.ts', 'tests/integration/**/*.test.ts',
      'tests/browser/**/*.test.ts',
    ],
    environment: 'node',
    // Browser files raise both for themselves (useBrowserTimeouts in tests/browser/harness).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: WORKERS,
    // A worker keeps the modules it has loaded for its next file (each test file is still run
    // afresh): importing Fastify, the app, PGlite and the demo tenant again for every file was a
    // third of the suite's CPU time. Nothing here mocks modules or changes globals.
    isolate: false,
    setupFiles: ['tests/setup-worker.ts'],
    // Once, before any file starts: server/dist and client/dist rebuilt when missing or stale, and
    // the in-memory store template made.
    globalSetup: ['tests/global-setup.ts'],
    // The longest files first, browser files spread among the others (tests/suite-order.ts).
    sequence: { sequencer: SuiteOrder },
  },
});
