import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './plugins/errors';
import { loggerOptions } from './plugins/logging';
import { securityHeaders } from './plugins/security-headers';
import { clientFiles } from './plugins/client-files';
import { openApi } from './plugins/openapi';
import { healthRoutes } from './routes/health';
import { legalRoutes } from './routes/legal';
import { modeRoute } from './routes/mode';
import { openStore, type Store } from './store/store';
import { personContext } from './graph/gateway';
import { createPlatform, type Platform } from './platform';
import { registerDemoTenant } from './demo/plugin';
import { apiRoutes, type ApiOptions } from './routes/api';
import type { ApiPorts } from './services/ports';
import { createJobs, type Jobs, type JobsOptions } from './jobs/runtime';
import { lazyCompilers } from './plugins/lazy-schemas';
import { onWriteError, settleWrites } from './store/write-behind';

export interface AppDependencies {
  /** An open store; when given, the caller owns it and closes it. */
  store?: Store;
  /** The clock (tests pin it). */
  now?: () => Date;
  /**
   * The in-process demo tenant's clock (tests pin it, usually to the same instant as `now`): its
   * calendars, presence and token times, and the clock demo tokens are checked against.
   */
  demoClock?: () => number;
  /** Replaces parts of the platform (tests). */
  platform?: Partial<Platform>;
  /** API tuning (tests). */
  api?: Pick<ApiOptions, 'ratePerMinute' | 'cacheTtlMs'>;
  /** Where log lines go instead of stdout (tests read them to check nothing secret is logged). */
  logStream?: { write(line: string): void };
  /**
   * Background-job tuning (tests): e.g. an http `notificationBaseUrl` on loopback where
   * production requires PUBLIC_BASE_URL (https), faster polling, a recorded sleep.
   */
  jobs?: Pick<JobsOptions, 'schedulerPollMs' | 'queuePollingSeconds' | 'sleep'>;
  /** Compile every route's schemas when the app is ready, as Fastify does by default (a test checks they all compile). */
  compileSchemasAtStart?: boolean;
}

/** The decorator the app's background jobs are under (when JOBS is on): `app.getDecorator<Jobs>(JOBS_DECORATOR)`. */
export const JOBS_DECORATOR = 'jobs';

/**
 * Builds the whole application: plugins, then routes. It never listens (server.ts does), so tests
 * build it and call `app.inject` or listen on port 0 themselves.
 */
export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    trustProxy: false,
    // Requests that fail before any route (undecodable URL, unparsable HTTP) answer like every error.
    frameworkErrors,
    clientErrorHandler,
    // verbose: a failed check carries the schema it failed, so `error.fields` can say "from 0 to 60".
    // Each route's schemas compile on first use (lazy-schemas.ts), not all at start.
    ...(deps.compileSchemasAtStart ? {} : { schemaController: { compilersFactory: lazyCompilers() } }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false, verbose: true } },
  });

  const store = deps.store ?? await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Writes made behind answers (store/write-behind.ts) go out before the store closes, whoever owns it.
  onWriteError(store.db, (error, kind) => app.log.error({ err: error }, `a deferred store write (${kind}) failed`));
  app.addHook('onClose', async () => {
    await settleWrites(store.db);
    if (!deps.store) await store.close();
  });

  registerErrorHandler(app);
  await securityHeaders(app); // on the root instance, so every route gets the headers

  await openApi(app);

  await app.register(healthRoutes, { store });
  await app.register(legalRoutes);
  await app.register(modeRoute, { mode: config.entra ? 'microsoft365' : 'demo' });
  // Demo mode: the demo tenant lives on this server, unless another process serves it (DEMO_TENANT_URL).
  const demoClock = deps.demoClock;
  if (!config.entra && !config.demoTenantUrl) await registerDemoTenant(app, config, demoClock ? { clock: demoClock } : {});

  const platform = { ...createPlatform(app, config, demoClock && (() => new Date(demoClock()))), ...deps.platform };
  const ports: ApiPorts = {
    store,
    graph: platform.graph,
    personContext: (auth) => personContext(platform.tokens, auth.caller.tenantId, auth.token),
    now: deps.now ?? (() => new Date()),
  };
  await app.register(apiRoutes, { prefix: '/api', ports, validator: platform.validator, tokens: platform.tokens, teamsAppId: config.teamsAppId, ...deps.api });
  if (config.jobs.enabled) await registerJobs(app, config, store, platform, ports.now, deps.jobs);
  await app.register(clientFiles, { clientDir: config.clientDir });

  return app;
}

/**
 * Background jobs start once the server listens (the in-process demo tenant is reachable then;
 * an app only injected into runs none) and stop, letting running jobs finish, before it stops
 * listening.
 */
async function registerJobs(app: FastifyInstance, config: Config, store: Store, platform: Platform, now: () => Date, tuning: AppDependencies['jobs'] = {}): Promise<Jobs> {
  const jobs = await createJobs({
    config: config.jobs, store, databaseUrl: config.databaseUrl, graph: platform.background, tokens: platform.tokens,
    log: app.log, now, teamsAppId: config.teamsAppId, ...tuning,
  });
  app.decorate(JOBS_DECORATOR, jobs);
  app.addHook('onListen', async () => { await jobs.start(); });
  app.addHook('preClose', () => jobs.stop());
  return jobs;
}
