import { timelineChanges } from '../../domain/presence/timeline-changes';
import { appContext } from '../../graph/gateway';
import { presenceRepository, type ApplyOutcome, type ChunkMarker } from '../../store/repositories/presence-repository';
import type { JobDeps } from '../job-deps';
import { presenceSlot } from '../rate-gate';

/**
 * Samples the presence of up to 650 people of a tenant (one Graph request, within the tenant's
 * rate budget) and writes what changed to their timelines. With a marker (a cycle's chunk) the
 * write happens once even if the chunk is run again.
 */
export async function samplePresence(deps: JobDeps, tenantId: string, userIds: readonly string[], marker?: ChunkMarker): Promise<ApplyOutcome> {
  if (userIds.length === 0) return { applied: true, changes: 0 };
  await presenceSlot(deps, tenantId);
  const samples = await deps.graph.getPresencesByUserId(appContext(deps.tokens, tenantId), userIds);
  const at = deps.now();
  const presence = presenceRepository(deps.store.db);
  const wanted = new Set(userIds);
  const open = await presence.openIntervals(tenantId, userIds);
  const changes = timelineChanges(open, samples.filter((s) => wanted.has(s.userId)), at.getTime());
  return presence.apply(tenantId, changes, at, marker);
}
