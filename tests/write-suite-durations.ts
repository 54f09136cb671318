/**
 * Writes tests/suite-durations.json from Vitest's record of the last run on this machine
 * (node_modules/.vite/vitest/…/results.json): how long each file of a second or more took. The
 * suite's order (tests/suite-order.ts) uses it when Vitest has no record of its own — a fresh
 * clone, as in CI. Run after a whole `npx vitest run`: `npm run test:durations`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../server/src/config';
import { RECORDED_DURATIONS_FILE, type RecordedDurations } from './suite-order';

const cacheDir = path.join(repoRoot, 'node_modules', '.vite', 'vitest');
const records = readdirSync(cacheDir).map((hash) => path.join(cacheDir, hash, 'results.json'));
const results = records.flatMap((file) => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { results: [string, { duration?: number }][] }).results;
  } catch {
    return [];
  }
});
if (results.length === 0) {
  console.error(`No record of a run in ${path.relative(repoRoot, cacheDir)}: run \`npx vitest run\` first.`);
  process.exit(1);
}
const seconds = Object.fromEntries(results
  // The record keeps files that have since gone: only those still here.
  // Vitest's key is `project:path`; the path alone is kept.
  .map(([key, r]) => [key.slice(key.indexOf(':') + 1), r.duration ?? 0] as const)
  .filter(([file, ms]) => ms >= 1000 && existsSync(path.join(repoRoot, file)))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, ms]) => [file, Math.round(ms / 100) / 10]));
const recorded: RecordedDurations = { measuredOn: new Date().toISOString().slice(0, 10), seconds };
writeFileSync(RECORDED_DURATIONS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
console.log(`${Object.keys(seconds).length} files of a second or more written to ${path.relative(repoRoot, RECORDED_DURATIONS_FILE)}.`);
