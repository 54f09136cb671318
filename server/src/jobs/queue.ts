/**
 * The one job interface: named queues of JSON jobs, worked by any instance. In the embedded
 * default (PGlite) it is an in-process queue; with PostgreSQL it is pg-boss, so any number of
 * instances share the work and a job is handed to one of them.
 */
export interface SendOptions {
  /** While a job with this key waits, sending another with the same key adds nothing. */
  key?: string;
}

export type JobHandler<T> = (data: T) => Promise<void>;

export interface WorkOptions {
  concurrency?: number;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /** Registers the handler of a queue on this instance (call before `start`), running up to `concurrency` jobs at once (default 1). */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: WorkOptions): void;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<void>;
  start(): Promise<void>;
  /** Stops taking jobs and waits for the ones running here to finish. */
  stop(): Promise<void>;
}

/** Where job failures go (the app's logger in production). */
export interface JobLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}
