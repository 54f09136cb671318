import type { GraphTokens } from '../auth/graph-tokens';
import type { BackgroundGraph } from '../graph/background-gateway';
import type { Store } from '../store/store';
import type { JobLog, JobQueue } from './queue';

/** What background jobs work with: narrow, so tests fake little. */
export interface JobDeps {
  store: Store;
  graph: BackgroundGraph;
  tokens: Pick<GraphTokens, 'appOnly'>;
  queue: JobQueue;
  log: JobLog;
  /** The clock: the only place jobs read the time. */
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Names this instance in the store (who sampled a chunk, who claimed a run). */
  instanceId: string;
}
