import type { JobHandler, JobLog, JobQueue, SendOptions } from './queue';

interface Pending {
  data: object;
  key: string | undefined;
}

/**
 * The in-process queue of the embedded default: one job at a time per queue, in order. Nothing
 * survives a restart, and nothing needs to: periodic work is re-planned from the store's schedule,
 * and every job is safe to run again.
 */
export class LocalQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler<object>>();
  private readonly pending = new Map<string, Pending[]>();
  private readonly running = new Map<string, Promise<void>>();
  private started = false;
  private stopped = false;

  constructor(private readonly log: JobLog) {}

  work<T extends object>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler<object>);
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    if (this.stopped) return;
    const queue = this.pending.get(name) ?? [];
    if (options.key !== undefined && queue.some((p) => p.key === options.key)) return;
    queue.push({ data, key: options.key });
    this.pending.set(name, queue);
    this.pump(name);
  }

  async start(): Promise<void> {
    this.started = true;
    for (const name of this.pending.keys()) this.pump(name);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  /** Resolves when every queue is empty and idle (tests). */
  async drained(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private pump(name: string): void {
    if (!this.started || this.stopped || this.running.has(name)) return;
    const handler = this.handlers.get(name);
    const next = this.pending.get(name)?.shift();
    if (!handler || !next) return;
    const run = handler(next.data)
      .catch((error: unknown) => this.log.error({ queue: name, err: error }, 'background job failed'))
      .finally(() => {
        this.running.delete(name);
        this.pump(name);
      });
    this.running.set(name, run);
  }
}
