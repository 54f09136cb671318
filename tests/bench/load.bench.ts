/**
 * Load benchmark (issue 9): 50 demo people use the tab at once for 60 s, on loopback, against the
 * real server (demo mode, embedded store) and a demo tenant of 60 people in another process (it
 * stands in for Microsoft 365). Each person repeats a tab session — profile, balance and
 * suggestions in parallel (the tab's first paint), then preferences and quiet time, and every
 * tenth session a preferences save — no faster than the per-person rate limit allows (300 a
 * minute), so the run is bounded and nobody is refused for going too fast.
 *
 * Passes when there were zero errors and the server's heap after a full collection grew by less
 * than 20% from the first sample after warm-up to the last. Prints p50/p90/p99/max
 * latency overall and per route, throughput, and the memory samples.
 *
 * With `TEST_DATABASE_URL` set, the server uses PostgreSQL (a throw-away database on that server)
 * instead of the embedded PGlite.
 *
 * `npm run bench -- load`, or `node --import tsx tests/bench/load.bench.ts [seconds] [people]`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { startNodeFlags } from './start-flags';

const role = process.argv[2];
const here = fileURLToPath(import.meta.url);

interface MemorySample { atSeconds: number; heapUsedMb: number; rssMb: number }
type Message = { type: 'listening'; base: string } | { type: 'memory'; sample: Omit<MemorySample, 'atSeconds'> };

/** Child 1: the demo tenant, with room for 50 people who have all consented. */
async function serveDemoTenant(): Promise<void> {
  const { startDemoTenant } = await import('../../server/src/demo/standalone');
  const demo = await startDemoTenant({ people: 60 });
  process.send?.({ type: 'listening', base: demo.baseUrl } satisfies Message);
  process.on('disconnect', () => void demo.close().then(() => process.exit(0)));
}

/** Child 2: the Unplug server as `npm start` runs it (demo mode, embedded store), measured from inside. */
async function serveApp(demoTenantUrl: string, databaseUrl: string | undefined): Promise<void> {
  const [{ buildApp }, { loadConfig, DEMO_ACKNOWLEDGEMENT }, v8, vm] = await Promise.all([
    import('../../server/src/app'), import('../../server/src/config'), import('node:v8'), import('node:vm'),
  ]);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const app = await buildApp(loadConfig({
    ...process.env, DATA_DIR: 'memory://', DEMO_TENANT_URL: demoTenantUrl, LOG_LEVEL: 'warn', HOST: '127.0.0.1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, UNPLUG_MODE: 'demo', UNPLUG_DEMO_ACKNOWLEDGE: DEMO_ACKNOWLEDGEMENT } : {}),
  }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'listening', base: `http://127.0.0.1:${port}` } satisfies Message);
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'memory') return;
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    // The driver may have gone by the time a late sample is ready: nothing to tell it then.
    if (process.connected) process.send?.({ type: 'memory', sample: { heapUsedMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20 } } satisfies Message, undefined, {}, () => {});
  });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

function start(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(here, args, { execArgv: ['--import', 'tsx', ...(args[0] === '--server' ? startNodeFlags() : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before listening`)));
    child.on('message', (m: Message) => {
      if (m.type === 'listening') resolve({ child, base: m.base });
    });
  });
}

function memory(server: ChildProcess): Promise<Omit<MemorySample, 'atSeconds'>> {
  return new Promise((resolve) => {
    const listener = (m: Message) => {
      if (m.type !== 'memory') return;
      server.off('message', listener);
      resolve(m.sample);
    };
    server.on('message', listener);
    server.send({ type: 'memory' });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(base: string, method: string, path: string, token: string, body?: unknown): Promise<number> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, agent, timeout: 30_000,
      headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A throw-away PostgreSQL database for the run, when `TEST_DATABASE_URL` names a server. */
async function benchDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) return { url: undefined, drop: async () => {} };
  const { default: pg } = await import('pg');
  const name = `unplug_load_bench_${process.pid}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(query).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function drive(seconds: number, peopleCount: number): Promise<void> {
  const database = await benchDatabase();
  const demo = await start(['--demo-tenant']);
  const server = await start(['--server', demo.base, ...(database.url ? [database.url] : [])]);
  const post = async (path: string, body: unknown) => (await fetch(`${demo.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const everyone = ((await (await fetch(`${demo.base}/demo/identity/people`)).json()) as { value: { id: string; displayName: string }[] }).value;
  const people = everyone.filter((p) => p.displayName !== 'Lukas Meyer').slice(0, peopleCount);
  if (people.length < peopleCount) throw new Error(`the demo tenant has only ${people.length} people who consented`);
  const tokens = await Promise.all(people.map(async (p) => ((await post('/demo/identity/token', { userId: p.id })) as { access_token: string }).access_token));

  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let measuring = false;
  const timed = async (method: string, path: string, token: string, body?: unknown) => {
    const started = performance.now();
    const status = await request(server.base, method, path, token, body);
    const ms = performance.now() - started;
    const route = `${method} ${path.split('?')[0]}`;
    if (!measuring) return;
    if (status < 200 || status >= 300) errors.set(`${route} → ${status}`, (errors.get(`${route} → ${status}`) ?? 0) + 1);
    const list = latencies.get(route) ?? [];
    list.push(ms);
    latencies.set(route, list);
  };
  /** One tab session: what opening the tab and looking at the settings costs. */
  const session = async (token: string, n: number) => {
    await Promise.all([timed('GET', '/api/me', token), timed('GET', '/api/me/balance', token), timed('GET', '/api/me/suggestions', token)]);
    await timed('GET', '/api/me/preferences', token);
    await timed('GET', '/api/me/quiet-time', token);
    if (n % 10 === 9) await timed('PUT', '/api/me/preferences', token, { preferredTimeOfDay: n % 20 === 9 ? 'morning' : 'any' });
  };
  // Five or six requests a session, one session per 1.25 s at most: 4.8 requests a second, under 300 a minute.
  const SESSION_MS = 1_250;

  console.log(`store: ${database.url ? 'PostgreSQL' : 'embedded PGlite'}; ${people.length} people, ${seconds} s, sessions of 5–6 requests at most every ${SESSION_MS} ms per person (rate limit 300/min/person)`);
  await Promise.all(tokens.map((t, i) => session(t, i))); // warm-up: first loads, caches, JIT
  await Promise.all(tokens.map((t, i) => session(t, i + 1)));
  const samples: MemorySample[] = [];
  const began = performance.now();
  const sample = async () => samples.push({ atSeconds: Math.round((performance.now() - began) / 1000), ...(await memory(server.child)) });
  await sample();
  measuring = true;
  const deadline = began + seconds * 1000;
  let sampling: Promise<unknown> = Promise.resolve();
  const sampler = setInterval(() => { sampling = sample(); }, 10_000);
  let sessions = 0;
  await Promise.all(tokens.map(async (token, person) => {
    await new Promise((resolve) => setTimeout(resolve, (person * SESSION_MS) / tokens.length)); // spread the starts
    for (let n = 0; performance.now() < deadline; n += 1) {
      const started = performance.now();
      await session(token, n + person);
      sessions += 1;
      const rest = SESSION_MS - (performance.now() - started);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }));
  measuring = false;
  clearInterval(sampler);
  const elapsed = (performance.now() - began) / 1000;
  await sampling;
  await sample();

  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  console.log(`\n${all.length} requests in ${elapsed.toFixed(1)} s (${(all.length / elapsed).toFixed(0)}/s), ${sessions} sessions, errors: ${errorCount}`);
  console.log(`latency: p50 ${fmt(percentile(all, 50))}, p90 ${fmt(percentile(all, 90))}, p99 ${fmt(percentile(all, 99))}, max ${fmt(all.at(-1) ?? 0)}`);
  for (const [route, values] of [...latencies].sort()) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`  ${route.padEnd(28)} ${String(sorted.length).padStart(6)}  p50 ${fmt(percentile(sorted, 50)).padStart(8)}  p99 ${fmt(percentile(sorted, 99)).padStart(8)}  max ${fmt(sorted.at(-1) ?? 0).padStart(8)}`);
  }
  for (const [what, n] of errors) console.log(`  error: ${what} ×${n}`);
  console.log(`server memory after full GC (heap / RSS, MB): ${samples.map((s) => `${s.atSeconds}s ${s.heapUsedMb.toFixed(1)}/${s.rssMb.toFixed(0)}`).join(', ')}`);
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const growthMb = last.heapUsedMb - first.heapUsedMb;
  const flat = growthMb < 0.2 * first.heapUsedMb;
  console.log(`heap ${first.heapUsedMb.toFixed(1)} → ${last.heapUsedMb.toFixed(1)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB): ${flat ? 'flat' : 'GROWING'}`);

  agent.destroy();
  await new Promise((resolve) => {
    server.child.once('exit', resolve);
    server.child.disconnect();
  });
  demo.child.disconnect();
  await database.drop();
  process.exit(errorCount === 0 && flat ? 0 : 1);
}

if (role === '--demo-tenant') await serveDemoTenant();
else if (role === '--server') await serveApp(process.argv[3] ?? '', process.argv[4]);
else await drive(Number(process.argv[2] ?? 60), Number(process.argv[3] ?? 50));
