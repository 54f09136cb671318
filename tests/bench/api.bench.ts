/**
 * API throughput (issue 5): warm `GET /api/me/balance` and `GET /api/me/suggestions` at 50
 * concurrent connections (autocannon, loopback), against a bare Fastify route measured in the same
 * run as the ceiling. Goal: each API route at least 30 % of the bare route's requests per second.
 *
 * The API runs as it does for `npm start` in demo mode — token validation, per-person rate limit
 * (raised out of the way), the store (in-memory PGlite), the domain — with the tab data warm in
 * its cache, so the figure is Unplug's own cost per request, not the demo Graph's.
 *
 * `npm run bench -- api`, or `node --import tsx tests/bench/api.bench.ts [seconds]`.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { selfBaseUrl } from '../../server/src/plugins/self-url';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const GOAL = 0.3;

interface Figure { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuMicrosPerRequest: number }

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Figure> {
  // A short warm-up so every figure is taken on a warm process (JIT, caches, pool).
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const before = process.cpuUsage();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpu = process.cpuUsage(before);
  return {
    name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
  };
}

async function main(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', JOBS: 'off' }), { api: { ratePerMinute: 10_000_000, cacheTtlMs: 3_600_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = selfBaseUrl(app);
  const people = (await (await fetch(`${base}/demo/identity/people`)).json() as { value: { id: string }[] }).value;
  const token = (await (await fetch(`${base}/demo/identity/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: people[0]!.id }),
  })).json() as { access_token: string }).access_token;
  const auth = { authorization: `Bearer ${token}` };
  for (const path of ['/api/me/balance', '/api/me/suggestions']) {
    const res = await fetch(`${base}${path}`, { headers: auth });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  }

  const bareAddress = bare.server.address();
  const barePort = typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0;
  const figures = [
    await measure('bare Fastify route (ceiling)', `http://127.0.0.1:${barePort}/bare`),
    await measure('GET /api/me/balance', `${base}/api/me/balance`, auth),
    await measure('GET /api/me/suggestions', `${base}/api/me/suggestions`, auth),
  ];
  await app.close();
  await bare.close();

  const ceiling = figures[0]!.rps;
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per route, loopback, autocannon in the same process`);
  // On a shared machine the rates swing with everyone else's load; the process's CPU time per
  // request (server and autocannon together, all threads) is steadier, and its ratio is the share
  // of the ceiling this process would reach on a core of its own.
  const ceilingCpu = figures[0]!.cpuMicrosPerRequest;
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('route | req/s | p50 ms | p99 ms | errors | non-2xx | share of ceiling | CPU µs a request | share by CPU');
  for (const f of figures) {
    const share = f.rps / ceiling;
    const byCpu = ceilingCpu / f.cpuMicrosPerRequest;
    const verdict = f === figures[0] ? '' : share >= GOAL ? ' (goal ≥ 30 %: met)' : ' (goal ≥ 30 %: NOT met)';
    console.log(`${f.name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors} | ${f.non2xx} | ${(share * 100).toFixed(1)} %${verdict} | ${f.cpuMicrosPerRequest.toFixed(0)} | ${(byCpu * 100).toFixed(1)} %`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
