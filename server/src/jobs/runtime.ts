import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { GraphTokens } from '../auth/graph-tokens';
import { sharingRefusals } from '../graph/permission-refusals';
import type { JobsConfig } from '../config';
import type { BackgroundGraph } from '../graph/background-gateway';
import { HOUR_MS, MINUTE_MS } from '../domain/time/local-date';
import type { Store } from '../store/store';
import type { JobDeps } from './job-deps';
import { LocalQueue } from './local-queue';
import { applyRetention } from './presence/retention';
import { planSamplingCycle, sampleChunk, SAMPLE_QUEUE, type SampleChunkJob } from './presence/sampling-cycle';
import type { JobLog, JobQueue } from './queue';
import { Scheduler, type PeriodicJob } from './scheduler';
import { checkNudges, NUDGE_QUEUE, planNudgeCheck, type NudgeCheckJob } from './nudges/nudge-check';
import { checkStatuses, planStatusCheck, STATUS_QUEUE, type StatusCheckJob } from './status/status-check';

export interface JobsOptions {
  config: JobsConfig;
  store: Store;
  /** PostgreSQL: pg-boss shares the work between instances. Absent: the in-process queue. */
  databaseUrl: string | undefined;
  graph: BackgroundGraph;
  tokens: Pick<GraphTokens, 'appOnly'>;
  log: JobLog;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** How often this instance looks at the schedule. Default 5 s. */
  schedulerPollMs?: number;
  /** pg-boss: how often idle workers look for jobs. Default 2 s. */
  queuePollingSeconds?: number;
  /** The Teams app id nudges deep-link to; without it no nudge is sent. */
  teamsAppId?: string | undefined;
}

/** The periodic jobs' names in the store's schedule. */
export const PERIODIC = {
  sampling: 'presence-sampling',
  retention: 'presence-retention',
  status: 'status-check',
  nudges: 'nudge-check',
} as const;

/** The background side of one server instance. */
export interface Jobs {
  readonly instanceId: string;
  readonly queue: JobQueue;
  readonly deps: JobDeps;
  readonly scheduler: Scheduler;
  start(): Promise<void>;
  /** Stops looking for work and lets running jobs finish. */
  stop(): Promise<void>;
}

/**
 * Wires the background jobs: presence sampling (polling with getPresencesByUserId: Graph has no
 * app-only presence subscriptions), retention, and the automatic status — periodic runs claimed
 * from the store's schedule, their work spread over the queue (pg-boss on PostgreSQL, in-process
 * on PGlite).
 */
export async function createJobs(options: JobsOptions): Promise<Jobs> {
  const instanceId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  // pg-boss (and pg) are loaded only for PostgreSQL: a server on the embedded store never needs them.
  const queue: JobQueue = options.databaseUrl
    ? new (await import('./pg-boss-queue')).PgBossQueue({ connectionString: options.databaseUrl, ...(options.queuePollingSeconds ? { pollingIntervalSeconds: options.queuePollingSeconds } : {}) }, options.log)
    : new LocalQueue(options.log);
  const deps: JobDeps = {
    store: options.store,
    graph: options.graph,
    tokens: singleFlight(options.tokens),
    queue,
    log: options.log,
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    instanceId,
  };

  // Chunks wait mostly on Graph: a few at once per instance overlap that wait (the rate budget
  // still spaces the requests).
  const concurrency = options.config.concurrency;
  queue.work<SampleChunkJob>(SAMPLE_QUEUE, (job) => sampleChunk(deps, job), { concurrency });
  queue.work<StatusCheckJob>(STATUS_QUEUE, (job) => checkStatuses(deps, job), { concurrency });
  queue.work<NudgeCheckJob>(NUDGE_QUEUE, (job) => checkNudges(deps, options.teamsAppId, job), { concurrency });

  const periodic: PeriodicJob[] = [
    { name: PERIODIC.sampling, everyMs: options.config.presenceSampleMinutes * MINUTE_MS, run: async (runId) => { await planSamplingCycle(deps, runId); } },
    { name: PERIODIC.status, everyMs: options.config.statusCheckSeconds * 1000, run: async (runId) => { await planStatusCheck(deps, runId); } },
    // Nudges look as often as the status, and at least every minute: "starts in 5 minutes" needs it.
    { name: PERIODIC.nudges, everyMs: Math.min(options.config.statusCheckSeconds, 60) * 1000, run: async (runId) => { await planNudgeCheck(deps, runId); } },
    { name: PERIODIC.retention, everyMs: HOUR_MS, run: async () => { await applyRetention(deps); } },
  ];
  const scheduler = new Scheduler({ store: options.store, jobs: periodic, instanceId, now: deps.now, log: options.log, ...(options.schedulerPollMs ? { pollMs: options.schedulerPollMs } : {}) });

  return {
    instanceId,
    queue,
    deps,
    scheduler,
    async start() {
      await queue.start();
      scheduler.start();
    },
    async stop() {
      await scheduler.stop();
      await queue.stop();
    },
  };
}

/**
 * Concurrent jobs of a tenant asking for an app-only token at once share one request (MSAL caches
 * the token afterwards, but does not join requests already on their way).
 */
function singleFlight(tokens: Pick<GraphTokens, 'appOnly'>): Pick<GraphTokens, 'appOnly'> {
  const inFlight = new Map<string, Promise<string>>();
  // Same token source for what Graph refused (permission-refusals.ts), so the API sees the jobs' 403s.
  return sharingRefusals(tokens, {
    appOnly(tenantId) {
      let pending = inFlight.get(tenantId);
      if (!pending) {
        pending = tokens.appOnly(tenantId).finally(() => inFlight.delete(tenantId));
        inFlight.set(tenantId, pending);
      }
      return pending;
    },
  });
}
