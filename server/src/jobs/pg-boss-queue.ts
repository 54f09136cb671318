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
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { handler: JobHandler<object>; concurrency: number }>();

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
      // pg-boss 10 runs one batch at a time per worker: `concurrency` workers, one job each.
      for (let i = 0; i < concurrency; i += 1) {
        await this.boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
          if (!job) return;
          try {
            await handler(job.data);
          } catch (error) {
            this.log.error({ queue: name, err: error }, 'background job failed');
            throw error;
          }
        });
      }
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: this.options.stopTimeoutMs ?? 8000 });
  }
}
