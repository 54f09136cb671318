/**
 * One server in demo mode on loopback — its own demo tenant, the embedded store, background jobs
 * on — with handles on what the jobs touch: the store, the demo tenant and the jobs themselves.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, JOBS_DECORATOR, type AppDependencies } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { DEMO_TENANT_DECORATOR } from '../../../server/src/demo/plugin';
import type { DemoTenant } from '../../../server/src/demo/tenant';
import type { Jobs } from '../../../server/src/jobs/runtime';
import { jobRepository } from '../../../server/src/store/repositories/job-repository';
import { openStore, type Store } from '../../../server/src/store/store';
import { testClock } from '../../test-clock';

export interface JobsHarness {
  app: FastifyInstance;
  base: string;
  store: Store;
  tenant: DemoTenant;
  jobs: Jobs;
  /** The server's clock. */
  now(): number;
  /** Moves the server's clock forward (the demo tenant's clock, `tenant.clock()`, keeps going). */
  advance(ms: number): void;
  tokenFor(userId: string): Promise<string>;
  api(userId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Makes a periodic job due now and waits until its run (and the queue work it sent) is over. */
  runNow(job: string): Promise<void>;
  close(): Promise<void>;
}

export interface JobsHarnessOptions {
  env?: Record<string, string>;
  deps?: AppDependencies;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startJobsHarness(options: JobsHarnessOptions = {}): Promise<JobsHarness> {
  const store = await openStore({ dataDir: 'memory://' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A fixed start (the hour of day never depends on when the suite runs); advance() moves the
  // server's clock only, the demo tenant's keeps going from the same start.
  const clock = testClock();
  let offset = 0;
  const now = () => new Date(clock.ms() + offset);
  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...options.env }), {
    store,
    now,
    demoClock: clock.ms,
    ...options.deps,
    jobs: { schedulerPollMs: 60_000, ...options.deps?.jobs },
  });
  await app.listen({ host: '127.0.0.1', port });
  const tenant = app.getDecorator<DemoTenant>(DEMO_TENANT_DECORATOR);
  const jobs = app.getDecorator<Jobs>(JOBS_DECORATOR);
  // The test drives the schedule (runNow); the loop's first look, made on listen, is waited for.
  await jobs.scheduler.pause();
  const tokens = new Map<string, string>();
  const harness: JobsHarness = {
    app, base, store, tenant, jobs,
    now: () => now().getTime(),
    advance: (ms) => {
      if (ms < 0) throw new Error('The clock only moves forward (stored rate budgets and schedules would stall)');
      offset += ms;
    },
    async tokenFor(userId) {
      let token = tokens.get(userId);
      if (!token) {
        token = (await tenant.ssoToken(userId)).token;
        tokens.set(userId, token);
      }
      return token;
    },
    async api(userId, method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${await harness.tokenFor(userId)}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async runNow(job) {
      await jobRepository(store.db).setNextDue(job, new Date(now().getTime() - 1000));
      await jobs.scheduler.tick();
      await (jobs.queue as unknown as { drained(): Promise<void> }).drained();
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
  return harness;
}

/**
 * Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. A
 * check that does not return (a database query stuck) fails it too, 5 s past the deadline, rather
 * than leaving the test to its own time limit with nothing said.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}: a check has not returned in ${Date.now() - started} ms`)), Math.max(0, deadline - started) + 5000);
    });
    const value = await Promise.race([Promise.resolve().then(check), stuck]).finally(() => clearTimeout(timer));
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
