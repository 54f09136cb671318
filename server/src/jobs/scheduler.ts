import type { Store } from '../store/store';
import { jobRepository } from '../store/repositories/job-repository';
import type { JobLog } from './queue';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** Runs on the one instance that claimed this run; `runId` names the run (e.g. a sampling cycle). */
  run(runId: string): Promise<void>;
}

export interface SchedulerOptions {
  store: Store;
  jobs: readonly PeriodicJob[];
  instanceId: string;
  now: () => Date;
  log: JobLog;
  /** How often this instance looks for due jobs. Default 5 s. */
  pollMs?: number;
}

/**
 * Runs periodic jobs from the store's schedule: each instance looks every few seconds, and the
 * one whose conditional update claims a due run runs it (usually by sending queue jobs every
 * instance works on). Runs missed while every instance was down happen once, on start.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;
  private paused = false;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.paused = false;
    const loop = () => {
      if (this.stopped || this.paused) return;
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        if (!this.stopped && !this.paused) this.timer = setTimeout(loop, this.options.pollMs ?? 5000).unref();
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }

  /** Stops looking at the schedule by itself; `tick` still works (tests drive it). */
  async pause(): Promise<void> {
    this.paused = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }

  /** One look at the schedule: claims and runs what is due, one job after another. */
  async tick(): Promise<void> {
    const jobs = jobRepository(this.options.store.db);
    for (const job of this.options.jobs) {
      if (this.stopped) return;
      try {
        const now = this.options.now();
        if (!(await jobs.claimDue(job.name, job.everyMs, now, this.options.instanceId))) continue;
        await job.run(`${job.name}@${now.toISOString()}`);
      } catch (error) {
        this.options.log.error({ job: job.name, err: error }, 'periodic job failed');
      }
    }
  }
}
