import Fastify, { type FastifyInstance } from 'fastify';
import { DEMO_PREFIX } from './constants';
import { demoTenantRoutes } from './plugin';
import { createDemoTenant, type DemoTenant, type DemoTenantOptions } from './tenant';

export interface DemoTenantApp {
  app: FastifyInstance;
  tenant: DemoTenant;
}

export interface RunningDemoTenant extends DemoTenantApp {
  /** e.g. `http://127.0.0.1:41234` — the demo lives under `${baseUrl}/demo`. */
  baseUrl: string;
  /** `${baseUrl}/demo/graph/v1.0` */
  graphBaseUrl: string;
  /** `${baseUrl}/demo/identity` — where the logical authority `DEMO_AUTHORITY` maps to. */
  identityBaseUrl: string;
  close(): Promise<void>;
}

/** The demo tenant alone in its own Fastify instance (not listening), for tests and benchmarks. */
export async function buildDemoTenantApp(options: DemoTenantOptions = {}): Promise<DemoTenantApp> {
  const tenant = await createDemoTenant(options);
  // Validation as in the app: unknown properties are refused, not silently dropped.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } } });
  await app.register(demoTenantRoutes, { prefix: DEMO_PREFIX, tenant });
  return { app, tenant };
}

/** Builds the standalone demo tenant and listens on `127.0.0.1` at a free port: a real HTTP fake. */
export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<RunningDemoTenant> {
  const { app, tenant } = await buildDemoTenantApp(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The demo tenant did not get a TCP address.');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app, tenant, baseUrl,
    graphBaseUrl: `${baseUrl}${DEMO_PREFIX}/graph/v1.0`,
    identityBaseUrl: `${baseUrl}${DEMO_PREFIX}/identity`,
    close: () => app.close(),
  };
}
