import { defineConfig } from 'vitest/config';

// Every test runs in a zone that is not UTC, with an odd DST rule (a 30-minute shift), so any
// accidental use of the machine's zone shows up. `npm test` sets it too; this covers direct runs.
process.env.TZ ??= 'Australia/Lord_Howe';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contract/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine,
          // where these files (servers, databases, waits) leave the CPU idle much of the time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
