/**
 * `npm start` (scripts/ensure-built.mjs, then node on server/dist) in the two ways the README and
 * the admin guide promise:
 *  - a fresh clone after `npm install`: the build is missing and the build tools are there, so the
 *    first start builds, and later starts do not;
 *  - a production install of a built tree (`npm ci --omit=dev`): nothing is built, nothing needs
 *    a dev dependency; with no build it stops and says what to run.
 * The clone is a copy of the repository's files with the worktree's node_modules linked in
 * (installing them again would only test npm).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

    const builtAt = statSync(path.join(clone, 'server', 'dist', 'server.js')).mtimeMs;
    const second = await startsAndAnswers(clone);
    expect(second).not.toContain('Building');
    expect(statSync(path.join(clone, 'server', 'dist', 'server.js')).mtimeMs).toBe(builtAt);
  }, 300_000);
});

describe('npm start in a production install (no dev dependencies)', () => {
  let tree: string;

  beforeAll(() => {
    for (const built of ['server/dist/server.js', 'client/dist/index.html']) {
      if (!existsSync(path.join(repoRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
    }
    tree = tempFolder('production');
    folders.push(tree);
    copyFromRepo(tree, ['package.json', 'package-lock.json', 'server/package.json', 'client/package.json', 'scripts', 'server/dist', 'client/dist']);
    // What `npm ci --omit=dev` installs: the lockfile's packages not marked dev, linked one by one
    // from the worktree (a copy would take a minute and test only the file system).
    const modules = path.join(tree, 'node_modules');
    mkdirSync(modules);
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
    for (const [key, entry] of Object.entries(lock.packages)) {
      const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
      if (!match || entry.dev || entry.link) continue;
      const name = match[1]!;
      if (!existsSync(path.join(repoRoot, key))) continue; // an optional package for another platform
      mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
      symlinkSync(path.join(repoRoot, key), path.join(modules, name), 'dir');
    }
  }, 300_000);

  it('starts the built server without building and without any build tool installed', async () => {
    expect(existsSync(path.join(tree, 'node_modules', 'esbuild'))).toBe(false);
    expect(existsSync(path.join(tree, 'node_modules', 'tsx'))).toBe(false);
    const output = await startsAndAnswers(tree);
    expect(output).not.toContain('Building');
  }, 180_000);

  it('with no build and no build tools, stops and says what to run', () => {
    rmSync(path.join(tree, 'client', 'dist'), { recursive: true });
    const result = run(npm, ['start'], { cwd: tree, env: { PORT: '0', DATA_DIR: 'memory://' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('client/dist/index.html missing');
    expect(result.output).toContain('npm ci && npm run build');
  });

  it('with sources newer than the build and no build tools, warns and starts what is built', () => {
    cpSync(path.join(repoRoot, 'client', 'dist'), path.join(tree, 'client', 'dist'), { recursive: true });
    mkdirSync(path.join(tree, 'server', 'src'), { recursive: true });
    writeFileSync(path.join(tree, 'server', 'src', 'server.ts'), '// newer than the build\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(tree, 'server', 'src', 'server.ts'), later, later);
    const result = run(process.execPath, ['scripts/ensure-built.mjs'], { cwd: tree });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('the sources are newer than the build');
  });
});
