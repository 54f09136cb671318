import type { JobHandler, JobLog, JobQueue, SendOptions, WorkOptions } from './queue';

interface Pending {
  data: object;
  key: string | undefined;
}

/**
 * The in-process queue of the embedded default: jobs of a queue in order, up to its concurrency at
 * once (the store is one connection, so their queries take turns; their Graph calls overlap). Nothing
 * survives a restart, and nothing needs to: periodic work is re-planned from the store's schedule,
 * and every job is safe to run again.
 */
export class LocalQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, { handler: JobHandler<object>; concurrency: number }>();
  private readonly pending = new Map<string, Pending[]>();
  private readonly running = new Map<string, Set<Promise<void>>>();
  private started = false;
  private stopped = false;

  constructor(private readonly log: JobLog) {}

  work<T extends object>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): void {
    this.handlers.set(name, { handler: handler as JobHandler<object>, concurrency: Math.max(1, options.concurrency ?? 1) });
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
    await Promise.allSettled(this.all());
  }

  /** Resolves when every queue is empty and idle (tests, benchmarks). */
  async drained(): Promise<void> {
    for (let all = this.all(); all.length > 0; all = this.all()) await Promise.allSettled(all);
  }

  private all(): Promise<void>[] {
    return [...this.running.values()].flatMap((set) => [...set]);
  }

  private pump(name: string): void {
    const worker = this.handlers.get(name);
    const running = this.running.get(name) ?? new Set<Promise<void>>();
    this.running.set(name, running);
    while (this.started && !this.stopped && worker && running.size < worker.concurrency) {
      const next = this.pending.get(name)?.shift();
      if (!next) return;
      const run: Promise<void> = worker.handler(next.data)
        .catch((error: unknown) => this.log.error({ queue: name, err: error }, 'background job failed'))
        .finally(() => {
          running.delete(run);
          this.pump(name);
        });
      running.add(run);
    }
  }
}
