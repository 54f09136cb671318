import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../../server/src/config';
import { newestChangeMs } from '../../server-build';

const clientDir = path.join(repoRoot, 'client');
const builtIndex = path.join(clientDir, 'dist', 'index.html');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

/** Whether client/dist is missing or older than any client source file. */
export function clientBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return SOURCES.some((source) => newestChangeMs(path.join(clientDir, source)) > builtAt);
}

let building: Promise<void> | undefined;

/**
 * Builds the client when its build is missing or stale, so browser tests never run against an
 * old bundle (`npm test` has just built it, so there this costs one directory walk).
 */
export function ensureClientBuilt(): Promise<void> {
  if (!clientBuildIsStale()) return Promise.resolve();
  // Vitest sets NODE_ENV=test, which Vite would bake into a development build of React.
  const env = { ...process.env, NODE_ENV: 'production' };
  building ??= promisify(execFile)('npm', ['run', 'build', '-w', 'client'], { cwd: repoRoot, env })
    .then(() => undefined)
    .finally(() => {
      building = undefined;
    });
  return building;
}
