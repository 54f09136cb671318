import { chunkIds } from '../../domain/presence/sampling-plan';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { PRESENCE_READ_PERMISSIONS, requirePermission } from '../app-permissions';
import type { JobDeps } from '../job-deps';
import { samplePresence } from './sample-presence';

export const SAMPLE_QUEUE = 'presence-sample';

export interface SampleChunkJob {
  cycleId: string;
  tenantId: string;
  chunkIndex: number;
  userIds: string[];
}

/**
 * Plans one sampling cycle: the opted-in people of every tenant, in chunks of at most 650 — one queue job each, taken by whichever instance is free. Returns the
 * number of chunks.
 */
export async function planSamplingCycle(deps: JobDeps, cycleId: string): Promise<number> {
  const roster = await presenceRepository(deps.store.db).roster();
  let count = 0;
  for (const [tenantId, optedIn] of roster) {
    const unavailable = await requirePermission(deps.tokens, tenantId, PRESENCE_READ_PERMISSIONS);
    if (unavailable) {
      deps.log.warn({ tenantId, reason: unavailable.code }, 'presence timeline unavailable: this tenant is not sampled');
      continue;
    }
    const chunks = chunkIds(optedIn);
    for (const [chunkIndex, userIds] of chunks.entries()) {
      await deps.queue.send<SampleChunkJob>(SAMPLE_QUEUE, { cycleId, tenantId, chunkIndex, userIds }, { key: `${cycleId}/${tenantId}/${chunkIndex}` });
    }
    count += chunks.length;
  }
  if (count > 0) deps.log.info({ cycleId, chunks: count }, 'presence sampling cycle planned');
  return count;
}

/** A queue job: samples one chunk, unless it was applied already (a retry after it finished). */
export async function sampleChunk(deps: JobDeps, job: SampleChunkJob): Promise<void> {
  const presence = presenceRepository(deps.store.db);
  if (await presence.chunkApplied(job.cycleId, job.tenantId, job.chunkIndex)) return;
  await samplePresence(deps, job.tenantId, job.userIds, { cycleId: job.cycleId, chunkIndex: job.chunkIndex, userCount: job.userIds.length, worker: deps.instanceId });
}
