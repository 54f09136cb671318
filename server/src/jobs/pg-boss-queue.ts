import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { JobHandler, JobLog, JobQueue, SendOptions, WorkOptions } from './queue';

export interface PgBossQueueOptions {
  connectionString: string;
  /** How often idle workers look for jobs. Default 2 s. */
  pollingIntervalSeconds?: number;
  /** How long `stop` waits for running jobs. Default 8 s (the server gives shutdown 10 s). */
  stopTimeoutMs?: number;
}

/**
 * pg-boss on the app's PostgreSQL (its own `pgboss` schema): jobs are rows taken with
 * `FOR UPDATE SKIP LOCKED`, so each goes to one instance; a job an instance dropped (it crashed)
 * expires and is retried. Queues are created with the `short` policy: a keyed job waiting in the
 * queue is not added twice.
 *
 * The workers are this class's own loops over pg-boss's `fetch`, `complete` and `fail`, not
 * pg-boss's `work`: pg-boss 10's `stop` waits only for jobs its workers already hold, so a fetch on
 * its way when an instance stopped could take a job (marked active in the database) that no one
 * then ran or failed — it waited out its expiry (five minutes) before another instance could
 * retry it (seen as the scale-out test's hand-over timing out now and then). Here `stop` waits for
 * every loop to come round: a fetch on its way finishes, and the job it took runs to the end (or,
 * past the stop timeout, is failed so that another instance retries it).
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { handler: JobHandler<object>; concurrency: number }>();
  private readonly loops: Promise<void>[] = [];
  /** Jobs a loop has taken and not yet completed or failed, by id. */
  private readonly running = new Map<string, string>();
  /** Idle loops' wake-ups, by queue (a job sent from this instance, or `stop`). */
  private readonly sleepers = new Map<string, Set<() => void>>();
  private stopping = false;

  constructor(private readonly options: PgBossQueueOptions, private readonly log: JobLog) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      max: 4,
      schedule: false,
      supervise: true,
      application_name: 'unplug-jobs',
    });
    this.boss.on('error', (error: Error) => log.error({ err: error }, 'pg-boss error'));
  }

  work<T extends object>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): void {
    this.handlers.set(name, { handler: handler as JobHandler<object>, concurrency: Math.max(1, options.concurrency ?? 1) });
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    // Under the `short` policy a job without a key shares the empty key with every other one.
    await this.boss.send(name, data, { singletonKey: options.key ?? randomUUID() });
    for (const wake of this.sleepers.get(name) ?? []) wake();
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const [name, { handler, concurrency }] of this.handlers) {
      if (!(await this.boss.getQueue(name))) {
        try {
          await this.boss.createQueue(name, { name, policy: 'short', retryLimit: 2, retryDelay: 5, expireInSeconds: 300 });
        } catch (error) {
          // Another instance created it first.
          if (!(await this.boss.getQueue(name))) throw error;
        }
      }
      // `concurrency` loops, one job each at a time.
      for (let i = 0; i < concurrency; i += 1) this.loops.push(this.loop(name, handler));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wakes of this.sleepers.values()) for (const wake of wakes) wake();
    const timeoutMs = this.options.stopTimeoutMs ?? 8000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const ended = await Promise.race([Promise.all(this.loops).then(() => 'ended' as const), timedOut]);
    clearTimeout(timer);
    if (ended === 'timeout' && this.running.size > 0) {
      // Still running past the timeout: failed now, so another instance retries them after the
      // retry delay instead of after their expiry.
      this.log.warn({ jobs: this.running.size }, 'background jobs still running at shutdown; failed so that another instance retries them');
      await Promise.all([...this.running].map(([id, name]) => this.boss.fail(name, id, { message: 'the instance stopped while the job was running' }).catch(() => undefined)));
    }
    await this.boss.stop({ graceful: true, wait: true, timeout: 1000 });
  }

  private async loop(name: string, handler: JobHandler<object>): Promise<void> {
    const idleMs = (this.options.pollingIntervalSeconds ?? 2) * 1000;
    while (!this.stopping) {
      let job: PgBoss.Job<object> | undefined;
      try {
        [job] = await this.boss.fetch<object>(name, { batchSize: 1 });
      } catch (error) {
        this.log.error({ queue: name, err: error }, 'pg-boss could not fetch a job');
      }
      if (!job) {
        await this.idle(name, idleMs);
        continue;
      }
      this.running.set(job.id, name);
      try {
        await handler(job.data);
        await this.boss.complete(name, job.id);
      } catch (error) {
        this.log.error({ queue: name, err: error }, 'background job failed');
        const message = error instanceof Error ? error.message : String(error);
        await this.boss.fail(name, job.id, { message }).catch((failed: unknown) => this.log.error({ queue: name, err: failed }, 'pg-boss could not record a failed job'));
      } finally {
        this.running.delete(job.id);
      }
    }
  }

  /** Waits `ms`, or less when a job is sent to this queue from here or the queue stops. */
  private idle(name: string, ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wakes = this.sleepers.get(name) ?? new Set<() => void>();
      this.sleepers.set(name, wakes);
      const wake = () => { clearTimeout(timer); wakes.delete(wake); resolve(); };
      const timer = setTimeout(wake, ms);
      wakes.add(wake);
    });
  }
}
