/**
 * The container recipe. No Docker engine runs here, so this does what the image does: the
 * Dockerfile is linted (dockerfile-utils, every rule an error) and checked against the hosting
 * rules, and its final stage is replayed from a clean folder — the files it COPYs, its own
 * `npm ci` line, its ENV and its CMD — until `/healthz` answers and its HEALTHCHECK passes.
 *
 * It uses the build `npm test` makes before vitest (`npm run build`): the image's build stage runs
 * the same command.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { dockerfileText, envOf, execForm, readStages, runCommands, type Stage } from './dockerfile';
import { copyFromRepo, npm, repoRoot, run, sourceFiles, startAndWaitForBanner, tempFolder } from './hosting-support';

const stages = readStages();
const final = stages.at(-1) as Stage;
const builder = stages.find((s) => s.name === 'build');

/** `.dockerignore` patterns as matchers (the subset of Go's filepath.Match the file uses). */
function ignored(relative: string): boolean {
  const patterns = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  let result = false;
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    const pattern = (negate ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split('/')
      .map((part) => (part === '**' ? '(?:.*/)?' : `${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}/`))
      .join('')
      .replace(/\/$/, '');
    // A pattern matches the path itself or any folder above it.
    if (new RegExp(`^${source.replace(/\(\?:\.\*\/\)\?$/, '.*')}(?:/.*)?$`).test(relative.replace(/\/+$/, ''))) result = !negate;
  }
  return result;
}

describe('the Dockerfile', () => {
  it('passes dockerfile-utils with every rule raised to an error', () => {
    const error = ValidationSeverity.ERROR;
    const problems = validate(dockerfileText(), {
      deprecatedMaintainer: error,
      directiveCasing: error,
      emptyContinuationLine: error,
      instructionCasing: error,
      instructionCmdMultiple: error,
      instructionEntrypointMultiple: error,
      instructionHealthcheckMultiple: error,
      instructionJSONInSingleQuotes: error,
      instructionWorkdirRelative: error,
    });
    expect(problems.map((p) => `line ${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
  });

  it('the linter does find problems (a broken Dockerfile is not passed)', () => {
    const messages = validate('FROM node\nworkdir app\nEXPOSE abc\nCMD a\nCMD b\n', {
      instructionCasing: ValidationSeverity.ERROR,
      instructionCmdMultiple: ValidationSeverity.ERROR,
      instructionWorkdirRelative: ValidationSeverity.ERROR,
    }).map((p) => p.message);
    expect(messages.length).toBeGreaterThanOrEqual(4);
  });

  it('builds in one stage and runs a non-root final stage with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(builder, 'a stage named "build"').toBeDefined();
    expect(runCommands(builder!)).toContain('npm run build');
    // Every base image names a version (no implicit or explicit :latest).
    const args = Object.fromEntries(
      [...dockerfileText().matchAll(/^ARG\s+(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    for (const stage of stages) {
      const image = stage.image.replace(/\$\{(\w+)\}/g, (_m, name: string) => args[name] ?? '');
      expect(image, `FROM ${stage.image}`).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
    }

    const commands = runCommands(final);
    expect(commands.some((c) => /^npm ci\b.*--omit=dev/.test(c)), commands.join('\n')).toBe(true);
    expect(commands.some((c) => /\bnpm (install|i)\b/.test(c))).toBe(false);

    const users = final.steps.filter((s) => s.keyword === 'USER');
    expect(users.at(-1)?.args[0]).toBeDefined();
    expect(users.at(-1)?.args[0]).not.toMatch(/^(root|0)(:|$)/);
    const cmdAt = final.steps.findIndex((s) => s.keyword === 'CMD');
    expect(final.steps.findIndex((s) => s.keyword === 'USER')).toBeLessThan(cmdAt);

    const cmd = execForm(final.steps[cmdAt]!);
    expect(cmd[0]).toBe('node');
    expect(cmd).toContain('--enable-source-maps');
    // The same node flags as `npm start` (they keep the idle memory down: docs/benchmarks.md).
    const start = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(cmd.join(' ')).toBe(start);
    expect(cmd.at(-1)).toBe('server/dist/server.js');
    expect(cmd.join(' ')).not.toMatch(/tsx|ts-node|npm/);
  });

  it('keeps the data folder in a volume, listens on every interface, and checks /healthz', () => {
    const env = envOf(final);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.DATA_DIR).toBeDefined();
    const volumes = final.steps.filter((s) => s.keyword === 'VOLUME').flatMap((s) => (s.content.trim().startsWith('[') ? (JSON.parse(s.content) as string[]) : s.args));
    expect(volumes).toContain(env.DATA_DIR);
    // The volume's folder belongs to the user the server runs as, or it could not write there.
    const user = final.steps.filter((s) => s.keyword === 'USER').at(-1)?.args[0];
    expect(runCommands(final).some((c) => c.includes(`chown ${user}:${user} ${env.DATA_DIR}`))).toBe(true);

    const checks = final.steps.filter((s) => s.keyword === 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(execForm(checks[0]!).join(' ')).toContain('/healthz');
    expect(checks[0]!.flags).toHaveProperty('start-period');
  });

  it('copies only files that exist in a clone and that .dockerignore lets through', () => {
    const tracked = sourceFiles();
    const fromContext = stages.flatMap((s) => s.steps.filter((step) => step.keyword === 'COPY' && !step.flags.from)).flatMap((s) => s.args.slice(0, -1));
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      const relative = source.replace(/\/+$/, '');
      expect(tracked.some((f) => f === relative || f.startsWith(`${relative}/`)), `${source} is in the repository`).toBe(true);
      expect(ignored(relative), `${source} is not excluded by .dockerignore`).toBe(false);
    }
    // …and what must not reach the build context is excluded.
    for (const local of ['node_modules', 'server/node_modules', 'server/dist', 'client/dist', '.data/pglite', '.env', '.git']) {
      expect(ignored(local), `${local} is excluded`).toBe(true);
    }
    // Build-stage outputs the final stage takes are what `npm run build` writes.
    const fromBuild = final.steps.filter((s) => s.keyword === 'COPY' && s.flags.from === 'build').map((s) => s.args[0]);
    expect(fromBuild.sort()).toEqual(['/app/client/dist', '/app/server/dist']);
  });
});

describe("the image's final stage, replayed in a clean folder", () => {
  let folder: string;
  let install: { status: number | null; output: string; seconds: number };

  beforeAll(() => {
    for (const built of ['server/dist/server.js', 'client/dist/index.html']) {
      if (!existsSync(path.join(repoRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
    }
    folder = tempFolder('image');
    const workdir = final.steps.filter((s) => s.keyword === 'WORKDIR').at(-1)?.args[0] ?? '/';
    for (const step of final.steps.filter((s) => s.keyword === 'COPY')) {
      // From the context: the repository's file. From the build stage: what `npm run build` wrote here.
      const sources = step.args.slice(0, -1).map((s) => (step.flags.from ? path.posix.relative(workdir, s) : s));
      copyFromRepo(folder, sources.map((s) => s.replace(/\/+$/, '')));
    }
    // `npm start` needs its pre-start check too (the image runs node directly, not npm start).
    copyFromRepo(folder, ['scripts/ensure-built.mjs']);
    // The stage's own `npm ci` line, from the npm cache the clone's `npm ci` filled.
    const ci = runCommands(final).find((c) => c.startsWith('npm ci'))!;
    const started = Date.now();
    const result = run(npm, [...ci.split(' ').slice(1), '--prefer-offline'], { cwd: folder, timeoutMs: 240_000 });
    install = { ...result, seconds: (Date.now() - started) / 1000 };
  }, 300_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("installs with the stage's npm ci line", () => {
    expect(install.status, install.output).toBe(0);
    console.log(`image stage npm ci: ${install.seconds.toFixed(1)} s`);
  });

  it('has no TypeScript tooling, build tools or dev dependencies to resolve', () => {
    const resolveHere = createRequire(path.join(folder, 'server', 'dist', 'server.js'));
    for (const devOnly of ['tsx', 'typescript', 'esbuild', 'vite', 'vitest', 'yazl', 'playwright-core', 'react']) {
      expect(() => resolveHere.resolve(`${devOnly}/package.json`), devOnly).toThrow();
    }
    expect(resolveHere.resolve('fastify/package.json')).toContain(folder);
  });

  it("starts with the image's ENV and CMD on an empty data folder, answers /healthz, and its HEALTHCHECK passes", async () => {
    const env = envOf(final);
    const dataDir = path.join(folder, 'data');
    // A new container's temp folder is empty: the store comes from the build's template, not initdb.
    const tmp = path.join(folder, 'tmp');
    mkdirSync(tmp);
    const cmd = execForm(final.steps.find((s) => s.keyword === 'CMD')!);
    const server = await startAndWaitForBanner(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), {
      cwd: folder,
      env: { ...env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', TMPDIR: tmp },
      timeoutMs: 90_000,
    });
    try {
      const health = await fetch(`${server.base}/healthz`);
      expect(health.status).toBe(200);
      const page = await fetch(`${server.base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);

      const check = execForm(final.steps.find((s) => s.keyword === 'HEALTHCHECK')!);
      const port = new URL(server.base).port;
      const probe = run(check[0] === 'node' ? process.execPath : check[0]!, check.slice(1), { cwd: folder, env: { PORT: port } });
      expect(probe.status, probe.output).toBe(0);
    } finally {
      await server.stop();
    }
    // The same check fails when nothing answers.
    const check = execForm(final.steps.find((s) => s.keyword === 'HEALTHCHECK')!);
    expect(run(process.execPath, check.slice(1), { cwd: folder, env: { PORT: '9' } }).status).not.toBe(0);
  }, 120_000);

  // The same folder is a production install of a built tree (`npm ci --omit=dev`): `npm start`
  // must start it with no build tool and no dev dependency.
  it('`npm start` starts the built server without building', async () => {
    const server = await startAndWaitForBanner(npm, ['start'], { cwd: folder, env: { PORT: '0', DATA_DIR: 'memory://', LOG_LEVEL: 'warn' }, timeoutMs: 120_000 });
    try {
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.output()).not.toContain('Building');
  }, 150_000);

  it('`npm start` with sources newer than the build and no build tools: warns and starts what is built', () => {
    mkdirSync(path.join(folder, 'server', 'src'), { recursive: true });
    const source = path.join(folder, 'server', 'src', 'server.ts');
    writeFileSync(source, '// newer than the build\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    const result = run(process.execPath, ['scripts/ensure-built.mjs'], { cwd: folder });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('the sources are newer than the build');
  });

  it('`npm start` with no build and no build tools: stops and says what to run', () => {
    rmSync(path.join(folder, 'client', 'dist'), { recursive: true });
    const result = run(npm, ['start'], { cwd: folder, env: { PORT: '0', DATA_DIR: 'memory://' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('client/dist/index.html missing');
    expect(result.output).toContain('npm ci && npm run build');
  });
});
