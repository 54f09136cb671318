/**
 * Start-up and idle memory (issue 13): the server started as an admin starts it, in its own
 * process, timed from spawn to the first `200` from `/healthz`, and its resident memory (VmRSS of
 * the process, from /proc) once start-up has settled. Cases:
 *
 * - embedded store (PGlite), a new data folder, on a machine that has started Unplug before (the
 *   migrated template is in the temp folder);
 * - embedded store, a new data folder on a new machine (an empty temp folder: initdb runs, unless
 *   `npm run build` made the migrated template in server/dist);
 * - embedded store, the same data folder again (every restart);
 * - PostgreSQL, a new database and the same database again, when `TEST_DATABASE_URL` names a
 *   server or one answers on 127.0.0.1:5432 (a throw-away database, dropped at the end).
 *
 * Goals: healthy within 3 s with an existing data folder and 6 s on a first run; idle RSS at most
 * 200 MB with the embedded store and 120 MB with PostgreSQL.
 *
 * `npm run bench -- startup`, or `node --import tsx tests/bench/startup.bench.ts [runs] [settle seconds]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { COMPILED_SERVER, compiledServerArgs } from '../server-build';

const RUNS = Number(process.argv[2] ?? 3);
const SETTLE_SECONDS = Number(process.argv[3] ?? 8);
const GOALS = { existingSeconds: 3, firstRunSeconds: 6, embeddedRssMb: 200, postgresRssMb: 120 };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How the server is started: the compiled `dist/server.js` with the node flags of the server's
 * start script, as `npm start` starts it, when it has been built; otherwise the TypeScript through
 * tsx, and the output says so (tsx compiles at run time and holds its own memory: pessimistic figures).
 */
export function serverCommand(): { label: string; args: string[] } {
  if (existsSync(COMPILED_SERVER)) {
    const args = compiledServerArgs();
    return { label: `node ${args.map((arg) => (arg === COMPILED_SERVER ? path.relative(root, arg) : arg)).join(' ')} (as npm start, compiled)`, args };
  }
  return { label: 'node --import tsx server/src/server.ts (server/dist/server.js is not built: TypeScript compiled at run time)', args: ['--import', 'tsx', path.join(root, 'server', 'src', 'server.ts')] };
}

/** `rssMb` split: anonymous memory (heaps, PGlite's WebAssembly memory and code) and mapped files (node's own binary, mostly). */
interface Run { healthySeconds: number; cpuSeconds: number; rssMb: number; anonMb: number; fileMb: number }

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A memory figure of the process from /proc/<pid>/status, in MB: `VmRSS`, `RssAnon`, `RssFile`. */
function statusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? NaN) / 1024;
}

/** CPU time (user + system) the process has used: on a shared machine, steadier than the wall clock. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100 a second)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startOnce(env: Record<string, string>): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, serverCommand().args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  let exited: number | null | undefined;
  child.once('exit', (code) => { exited = code; });
  try {
    let healthySeconds = NaN;
    let cpu = NaN;
    while (Number.isNaN(healthySeconds)) {
      if (exited !== undefined) throw new Error(`the server exited with ${exited} before it was healthy:\n${stderr}`);
      if (performance.now() - started > 120_000) throw new Error('the server was not healthy within 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) {
        healthySeconds = (performance.now() - started) / 1000;
        cpu = cpuSeconds(child.pid!);
      }
      else await sleep(20);
    }
    // Idle: nobody calls; background jobs run as they do. The figure is the last of several readings.
    let rss = 0;
    for (let waited = 0; waited < SETTLE_SECONDS; waited += 1) {
      await sleep(1000);
      rss = statusMb(child.pid!, 'VmRSS');
    }
    return { healthySeconds, cpuSeconds: cpu, rssMb: rss, anonMb: statusMb(child.pid!, 'RssAnon'), fileMb: statusMb(child.pid!, 'RssFile') };
  } finally {
    child.kill('SIGTERM');
    if (exited === undefined) await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function report(name: string, runs: Run[], goalSeconds: number, goalRssMb: number): boolean {
  const t = runs.map((r) => r.healthySeconds);
  const m = runs.map((r) => r.rssMb);
  const c = runs.map((r) => r.cpuSeconds);
  const timeOk = median(t) <= goalSeconds;
  const rssOk = median(m) <= goalRssMb;
  console.log(`${name.padEnd(52)} healthy ${median(t).toFixed(2)} s (${t.map((x) => x.toFixed(2)).join(', ')}) goal ≤ ${goalSeconds} s ${timeOk ? 'met' : 'NOT met'}`);
  console.log(`${''.padEnd(52)} CPU time to healthy ${median(c).toFixed(2)} s (${c.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`${''.padEnd(52)} idle RSS ${median(m).toFixed(0)} MB (${m.map((x) => x.toFixed(0)).join(', ')}) goal ≤ ${goalRssMb} MB ${rssOk ? 'met' : 'NOT met'}`);
  console.log(`${''.padEnd(52)} of which anonymous ${runs.map((r) => r.anonMb.toFixed(0)).join(', ')} MB, mapped files ${runs.map((r) => r.fileMb.toFixed(0)).join(', ')} MB`);
  return timeOk && rssOk;
}

/** A PostgreSQL server to create throw-away databases on: TEST_DATABASE_URL, or the local one if it answers. */
async function postgresAdminUrl(): Promise<string | undefined> {
  const candidates = [process.env['TEST_DATABASE_URL'], 'postgres://postgres@127.0.0.1:5432/postgres'].filter((u): u is string => !!u);
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch {
      await client.end().catch(() => {});
    }
  }
  return undefined;
}

async function withDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `unplug_bench_startup_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    const again = new pg.Client({ connectionString: adminUrl });
    await again.connect();
    await again.query(`drop database if exists ${name} with (force)`);
    await again.end();
  }
}

/**
 * PostgreSQL is the production store, and demo mode refuses a configured database: the server
 * runs in Microsoft 365 mode (made-up app registration; nothing calls Entra or Graph while idle,
 * since no tenant has signed up).
 */
const M365 = {
  UNPLUG_MODE: 'm365',
  ENTRA_CLIENT_ID: '00000000-0000-4000-8000-000000000001',
  ENTRA_CLIENT_SECRET: 'bench-only-not-a-secret',
  TAB_DOMAIN: 'unplug.example.com',
  ENTRA_TENANT_IDS: '00000000-0000-4000-8000-000000000002',
};

async function main(): Promise<void> {
  console.log(`server: ${serverCommand().label}`);
  console.log(`${RUNS} runs per case; RSS read ${SETTLE_SECONDS} s after healthy; demo mode, background jobs on; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'unplug-bench-startup-'));
  let met = true;
  try {
    // This machine has started Unplug before: the migrated template is in the temp folder.
    await startOnce({ DATA_DIR: path.join(scratch, 'warm-up') });
    const newMachine: Run[] = [];
    const firstRuns: Run[] = [];
    const again: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      // A new machine: its own empty temp folder (initdb runs unless the build made the template).
      const tmp = mkdtempSync(path.join(scratch, 'tmp-'));
      newMachine.push(await startOnce({ DATA_DIR: path.join(scratch, `new-machine-${i}`), TMPDIR: tmp }));
      const dataDir = path.join(scratch, `data-${i}`);
      firstRuns.push(await startOnce({ DATA_DIR: dataDir }));
      again.push(await startOnce({ DATA_DIR: dataDir }));
    }
    met = report('embedded, new data folder, new machine', newMachine, GOALS.firstRunSeconds, GOALS.embeddedRssMb) && met;
    met = report('embedded, new data folder (first run)', firstRuns, GOALS.firstRunSeconds, GOALS.embeddedRssMb) && met;
    met = report('embedded, existing data folder', again, GOALS.existingSeconds, GOALS.embeddedRssMb) && met;

    const adminUrl = await postgresAdminUrl();
    if (!adminUrl) {
      console.log('PostgreSQL: no server (set TEST_DATABASE_URL, or run one on 127.0.0.1:5432) — not measured');
    } else {
      const pgFirst: Run[] = [];
      const pgAgain: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        await withDatabase(adminUrl, async (url) => {
          pgFirst.push(await startOnce({ ...M365, DATABASE_URL: url }));
          pgAgain.push(await startOnce({ ...M365, DATABASE_URL: url }));
        });
      }
      met = report('PostgreSQL, new database (first run)', pgFirst, GOALS.firstRunSeconds, GOALS.postgresRssMb) && met;
      met = report('PostgreSQL, existing database', pgAgain, GOALS.existingSeconds, GOALS.postgresRssMb) && met;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(met ? 'all start-up goals met' : 'some start-up goals NOT met (see above)');
}

await main();
