/**
 * Scale-out test support: one shared database (PostgreSQL when TEST_DATABASE_URL is set, else a
 * PGlite served over the wire to every process — see serial-pglite-server.ts), one shared demo tenant in this process with every Graph request
 * recorded, and real server processes (the compiled server, tests/server-build.ts) pointed at both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Fastify, { type FastifyInstance } from 'fastify';
import { repoRoot } from '../../../server/src/config';
import { DEMO_PREFIX } from '../../../server/src/demo/constants';
import { demoTenantRoutes } from '../../../server/src/demo/plugin';
import { createDemoTenant, type DemoTenant, type DemoTenantOptions } from '../../../server/src/demo/tenant';
import { openMemoryFromTemplate, openStore, type Store } from '../../../server/src/store/store';
import { openFreshPostgresDatabase } from '../../../server/src/store/test-backends';
import { compiledServerArgs } from '../../server-build';
import { SerialPGliteServer } from './serial-pglite-server';

export interface SharedDatabase {
  kind: 'PostgreSQL' | 'PGlite over the wire';
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function openSharedDatabase(): Promise<SharedDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const opened = await openFreshPostgresDatabase(admin);
    return { kind: 'PostgreSQL', url: opened.databaseUrl, store: opened.store, close: opened.cleanup };
  }
  const db = await openMemoryFromTemplate();
  const server = new SerialPGliteServer(db);
  const url = await server.start();
  // Named, so that the serial server's account of a stuck session tells the test from the servers.
  const store = await openStore({ databaseUrl: `${url}?application_name=the%20test`, dataDir: 'unused', maxConnections: 2 });
  return {
    kind: 'PGlite over the wire', url, store,
    async close() {
      try {
        // The pool waits for its connections' queries to end: bounded, and said what it waits on.
        await withinMs(20_000, store.close(), () => `The test's store did not close in 20 s (a query of the test still waits):\n${server.describe()}`);
      } finally {
        await server.stop();
        await db.close();
      }
    },
  };
}

async function withinMs<T>(ms: number, work: Promise<T>, explain: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(explain())), ms); });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface GraphRecord {
  at: number;
  method: string;
  path: string;
  body: unknown;
}

export interface SharedDemoTenant {
  tenant: DemoTenant;
  app: FastifyInstance;
  baseUrl: string;
  /** Every Graph request the servers made, in arrival order. */
  requests: GraphRecord[];
  close(): Promise<void>;
}

/** The demo tenant alone on loopback, recording each Graph request before it is answered. */
export async function startSharedDemoTenant(options: DemoTenantOptions): Promise<SharedDemoTenant> {
  const tenant = await createDemoTenant(options);
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const requests: GraphRecord[] = [];
  // Added before the demo's routes, so it runs for every one of them (after the body is parsed).
  app.addHook('preHandler', async (request) => {
    const at = request.url.indexOf('/graph/v1.0/');
    if (at >= 0) requests.push({ at: Date.now(), method: request.method, path: request.url.slice(at + '/graph/v1.0'.length).split('?')[0]!, body: request.body });
  });
  await app.register(demoTenantRoutes, { prefix: DEMO_PREFIX, tenant });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { tenant, app, baseUrl: `http://127.0.0.1:${port}`, requests, close: () => app.close() };
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  output: () => string;
  /** SIGTERM, then the exit code (the server closes gracefully: jobs finish first). */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

let serversStarted = 0;

/** Starts the compiled server (tests/server-build.ts) as its own Node process and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  serversStarted += 1;
  const child = spawn(process.execPath, compiledServerArgs(), {
    cwd: repoRoot,
    // PGAPPNAME: the store's connections are named after the process (`unplug server 1` is the
    // first one started); pg-boss names its own `unplug-jobs`.
    env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', PGAPPNAME: `unplug server ${serversStarted}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const look = () => {
      const m = /Unplug is running at (http:\/\/[^/\s]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    child, pid: child.pid!, base, exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
