import { DEFAULT_ORG_POLICY } from '../../domain/defaults';
import { retentionCutoff } from '../../domain/presence/timeline-changes';
import { DAY_MS } from '../../domain/time/local-date';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { statusRepository } from '../../store/repositories/status-repository';
import type { JobDeps } from '../job-deps';

/**
 * Keeps the presence timeline within the organisation's retention (default 35 days), ends the
 * current interval of people nobody samples any more, and forgets old sampling markers and
 * automatic-status records of windows that ended over a week ago.
 */
export async function applyRetention(deps: Pick<JobDeps, 'store' | 'now' | 'log'>): Promise<{ deleted: number; closed: number }> {
  const presence = presenceRepository(deps.store.db);
  const now = deps.now();
  let deleted = 0;
  for (const { tenantId, retentionDays } of await presence.tenantsWithTimeline()) {
    deleted += await presence.deleteEndedBefore(tenantId, new Date(retentionCutoff(now.getTime(), retentionDays ?? DEFAULT_ORG_POLICY.presenceRetentionDays)));
  }
  const closed = await presence.closeUnsampled(now);
  await presence.deleteChunkMarkersBefore(new Date(now.getTime() - DAY_MS));
  await statusRepository(deps.store.db).deleteEndedBefore(new Date(now.getTime() - 7 * DAY_MS));
  if (deleted > 0 || closed > 0) deps.log.info({ deleted, closed }, 'presence retention applied');
  return { deleted, closed };
}
