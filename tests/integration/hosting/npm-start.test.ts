/**
 * `npm start` (scripts/ensure-built.mjs, then node on server/dist) in a fresh clone after
 * `npm install`: the build is missing and the build tools are there, so the first start builds,
 * and the next does not. (A production install, `npm ci --omit=dev`, is container.test.ts's
 * replay of the image.) The clone is a copy of the repository's files with the worktree's
 * node_modules linked in (installing them again would only test npm).
 */
import { existsSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFromRepo, npm, repoRoot, run, sourceFiles, startAndWaitForBanner, tempFolder } from './hosting-support';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function startsAndAnswers(folder: string, env: Record<string, string> = {}): Promise<string> {
  const server = await startAndWaitForBanner(npm, ['start'], {
    cwd: folder,
    env: { PORT: '0', DATA_DIR: 'memory://', LOG_LEVEL: 'warn', ...env },
    timeoutMs: 120_000,
  });
  try {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.base}/`)).status).toBe(200);
  } finally {
    await server.stop();
  }
  return server.output();
}

describe('npm start in a fresh clone after npm install', () => {
  let clone: string;

  beforeAll(() => {
    clone = tempFolder('clone');
    folders.push(clone);
    copyFromRepo(clone, sourceFiles().filter((f) => existsSync(path.join(repoRoot, f))));
    for (const modules of ['node_modules', 'server/node_modules', 'client/node_modules']) {
      if (existsSync(path.join(repoRoot, modules))) symlinkSync(path.join(repoRoot, modules), path.join(clone, modules), 'dir');
    }
  });

  it('builds the server and the tab on the first start, then starts without building', async () => {
    expect(existsSync(path.join(clone, 'server', 'dist'))).toBe(false);
    const first = await startsAndAnswers(clone);
    expect(first).toContain('Building the server and the tab (first start)');
    expect(existsSync(path.join(clone, 'server', 'dist', 'server.js'))).toBe(true);
    expect(existsSync(path.join(clone, 'client', 'dist', 'index.html'))).toBe(true);

    // The next start's check finds the build current: nothing to do.
    const builtAt = statSync(path.join(clone, 'server', 'dist', 'server.js')).mtimeMs;
    const second = run(process.execPath, ['scripts/ensure-built.mjs'], { cwd: clone });
    expect(second.status, second.output).toBe(0);
    expect(second.output).toBe('');
    expect(statSync(path.join(clone, 'server', 'dist', 'server.js')).mtimeMs).toBe(builtAt);
  }, 300_000);
});
