/**
 * The compiled server (`server/dist/server.js`), as the tests that start the server in a process
 * of its own run it: the file `npm start` and the container image run, not the TypeScript through
 * tsx (which compiles every module at each start: about 1.5 s and 2.5 s of CPU more a start).
 *
 * `npm test` builds before Vitest runs, so there this is a check of a few file dates; a direct
 * `npx vitest` after a source change rebuilds the server first (the suite's global setup),
 * so no test ever starts an old build.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../server/src/config';

export const COMPILED_SERVER = path.join(repoRoot, 'server', 'dist', 'server.js');

/** What the bundle is made from: a change to any of these makes it stale. */
const SOURCES = [
  path.join(repoRoot, 'server', 'src'),
  path.join(repoRoot, 'contract', 'src'),
  path.join(repoRoot, 'server', 'scripts', 'bundle.ts'),
  path.join(repoRoot, 'server', 'package.json'),
];

/** The newest modification time of a file or of anything under a folder (0 when absent). */
export function newestChangeMs(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChangeMs(path.join(entry, name))), stat.mtimeMs);
}

/** Whether server/dist/server.js is missing or older than any of its sources. */
export function serverBuildIsStale(): boolean {
  if (!existsSync(COMPILED_SERVER)) return true;
  const builtAt = statSync(COMPILED_SERVER).mtimeMs;
  return SOURCES.some((source) => newestChangeMs(source) > builtAt);
}

/** Builds the server (`npm run build -w server`) when its build is missing or stale. */
export async function ensureServerBuilt(): Promise<void> {
  if (!serverBuildIsStale()) return;
  await promisify(execFile)('npm', ['run', 'build', '-w', 'server'], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' } });
  if (serverBuildIsStale()) throw new Error('`npm run build -w server` ran, and server/dist/server.js is still missing or older than its sources');
}

/**
 * Node's arguments for starting the compiled server as `npm start` does (the node flags of the
 * server's start script, then the file).
 *
 * @example
 * spawn(process.execPath, compiledServerArgs(), { cwd: repoRoot, env })
 */
export function compiledServerArgs(): string[] {
  const start = (JSON.parse(readFileSync(path.join(repoRoot, 'server', 'package.json'), 'utf8')) as { scripts?: { start?: string } }).scripts?.start ?? '';
  const words = start.trim().split(/\s+/);
  const flags = words[0] === 'node' ? words.slice(1).filter((word) => word.startsWith('--')) : [];
  return [...flags, COMPILED_SERVER];
}
