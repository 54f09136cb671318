import { readPresence } from '../../domain/balance/read-presence';
import { composeLongDay, composeStartingSoon, composeWeeklySummary, TREND_WEEKS } from '../../domain/nudges/compose-nudge';
import { dueNudges } from '../../domain/nudges/due-nudges';
import { ACTIVITY_RATE_LIMIT, type Nudge, type NudgeCandidate } from '../../domain/nudges/nudge-types';
import { shiftsAround } from '../../domain/nudges/shifts-around';
import { quietWindows } from '../../domain/suggestions/quiet-time';
import { addDays, DAY_MS, MINUTE_MS } from '../../domain/time/local-date';
import { zoneOrUtc } from '../../domain/time/resolve-time-zone';
import { localDateOf, startOfLocalDay, type Zone } from '../../domain/time/zone';
import type { Interval, Preferences, QuietTimePreferences } from '../../domain/types';
import { ACTIVITY_TYPE_OF, personalTabDeepLink } from '../../graph/activity-feed';
import { GraphThrottledError, GraphRequestError, ConsentRequiredError } from '../../graph/errors';
import { appContext } from '../../graph/gateway';
import { mergePolicy } from '../../services/settings-service';
import { presenceTimeline } from '../../services/presence-timeline';
import { jobRepository } from '../../store/repositories/job-repository';
import { nudgeRepository, type NudgePerson } from '../../store/repositories/nudge-repository';
import { statusRepository } from '../../store/repositories/status-repository';
import { NUDGE_PERMISSIONS, requirePermission } from '../app-permissions';
import type { JobDeps } from '../job-deps';
import { workingHoursFor } from '../working-hours';

export const NUDGE_QUEUE = 'nudge-check';

export interface NudgeCheckJob {
  tenantId: string;
  userIds: string[];
}

/** People per queue job: each may cost a working-hours read and a notification. */
const PEOPLE_PER_JOB = 100;
/** The shared budget every instance draws on for `sendActivityNotification` in a tenant. */
export const ACTIVITY_BUDGET = 'sendActivityNotification';
/** Claims are kept this long (one of a kind a day needs only today's). */
const CLAIM_RETENTION_MS = 8 * DAY_MS;
/** Windows and blocks are looked for this far around now (a weekend window is under three days). */
const LOOK_BEHIND_MS = 3 * DAY_MS;
const LOOK_AHEAD_MS = DAY_MS;

/** Plans a nudge check: everyone with a nudge on, 100 a job; drops old claims. */
export async function planNudgeCheck(deps: JobDeps, runId: string): Promise<number> {
  const repo = nudgeRepository(deps.store.db);
  await repo.deleteClaimedBefore(new Date(deps.now().getTime() - CLAIM_RETENTION_MS));
  const byTenant = new Map<string, string[]>();
  for (const p of await repo.roster()) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p.userId]);
  let count = 0;
  for (const [tenantId, ids] of byTenant) {
    for (let i = 0; i < ids.length; i += PEOPLE_PER_JOB) {
      await deps.queue.send<NudgeCheckJob>(NUDGE_QUEUE, { tenantId, userIds: ids.slice(i, i + PEOPLE_PER_JOB) }, { key: `${runId}/${tenantId}/${i}` });
      count += 1;
    }
  }
  return count;
}

/**
 * A queue job: for each person, which nudges are due now (domain), with the figures they need
 * (presence timeline, weekly balance snapshots), each claimed in the store before the Graph call
 * so it goes out once whatever the number of instances.
 */
export async function checkNudges(deps: JobDeps, teamsAppId: string | undefined, job: NudgeCheckJob): Promise<void> {
  if (!teamsAppId) return; // GET /api/me/nudges says why
  const unavailable = await requirePermission(deps.tokens, job.tenantId, NUDGE_PERMISSIONS);
  if (unavailable) {
    deps.log.warn({ tenantId: job.tenantId, reason: unavailable.code }, 'nudges unavailable');
    return;
  }
  const now = deps.now();
  const t = now.getTime();
  const around: Interval = { start: t - LOOK_BEHIND_MS, end: t + LOOK_AHEAD_MS };
  const status = statusRepository(deps.store.db);
  const repo = nudgeRepository(deps.store.db);
  const [people, blocks, hours, claimed] = await Promise.all([
    repo.roster({ tenantId: job.tenantId, userIds: job.userIds }),
    status.acceptedBlocks(job.tenantId, job.userIds, around),
    status.workingHours(job.tenantId, job.userIds),
    repo.claimedSince(job.tenantId, job.userIds, new Date(t - 2 * DAY_MS)),
  ]);
  for (const person of people) {
    try {
      const workingHours = workingHoursFor(deps, person, hours.get(person.userId), 'nudges');
      if (!workingHours) continue; // none stored yet: the next tab open saves them
      const zone = zoneOrUtc(workingHours.timeZone).zone;
      const policy = mergePolicy(person.policy);
      const quietTime: QuietTimePreferences = { ...policy.quietTimeDefaults, ...(person.quietTime as Partial<QuietTimePreferences>) };
      const personBlocks = blocks.get(person.userId) ?? [];
      const today = localDateOf(t, zone);
      const due = dueNudges({
        now: t, zone, preferences: person.nudges,
        shifts: shiftsAround(workingHours, zone, t),
        quietWindows: quietTime.enabled ? quietWindows({ workingHours }, quietTime, around, zone) : [],
        blocks: personBlocks,
        sentToday: new Set(claimed.filter((c) => c.userId === person.userId && c.localDate === today).map((c) => c.kind)),
      });
      for (const candidate of due) {
        const nudge = await compose(deps, person, candidate, zone, personBlocks);
        if (nudge) await send(deps, teamsAppId, person, nudge);
      }
    } catch (error) {
      deps.log.warn({ tenantId: person.tenantId, err: error }, 'nudges: a check failed; the next one tries again');
    }
  }
}

async function compose(deps: JobDeps, person: NudgePerson, c: NudgeCandidate, zone: Zone, blocks: readonly Interval[]): Promise<Nudge | undefined> {
  switch (c.kind) {
    case 'starting-soon':
      return composeStartingSoon(c, zone);
    case 'long-day': {
      const preferences: Preferences = { ...mergePolicy(person.policy).defaults, ...(person.preferences as Partial<Preferences>) };
      return composeLongDay(c, await connectedToday(deps, person, zone, blocks), preferences.dailyDisconnectTargetMinutes);
    }
    case 'weekly-summary': {
      const weeks = await nudgeRepository(deps.store.db).weeks(person, addDays(c.weekStart, -7 * TREND_WEEKS), c.weekStart);
      return composeWeeklySummary(c, weeks.find((w) => w.weekStart === c.weekStart), weeks.filter((w) => w.weekStart !== c.weekStart));
    }
  }
}

/**
 * Minutes connected today by the presence timeline (the only record of the day a background job
 * has: calendars are read only on the person's behalf); `undefined` without a timeline.
 */
async function connectedToday(deps: JobDeps, person: NudgePerson, zone: Zone, blocks: readonly Interval[]): Promise<number | undefined> {
  if (!mergePolicy(person.policy).features.presenceTimeline) return undefined;
  const now = deps.now();
  const day: Interval = { start: startOfLocalDay(localDateOf(now.getTime(), zone), zone), end: now.getTime() };
  const timeline = await presenceTimeline(deps.store, person, day, now);
  if (timeline.length === 0) return undefined;
  const clipped = timeline.map((p) => ({ ...p, start: Math.max(p.start, day.start), end: Math.min(p.end, day.end) }));
  const { connected } = readPresence(clipped, blocks);
  return Math.round(connected.reduce((sum, i) => sum + (i.end - i.start), 0) / MINUTE_MS);
}

/** Claims the nudge, then sends it within the tenant's rate budget; a refusal is kept, a transient failure released. */
async function send(deps: JobDeps, teamsAppId: string, person: NudgePerson, nudge: Nudge): Promise<void> {
  const repo = nudgeRepository(deps.store.db);
  if (!(await repo.claim(person, nudge.kind, nudge.date, deps.now()))) return;
  try {
    const waitMs = await jobRepository(deps.store.db).reserveRequest(person.tenantId, ACTIVITY_BUDGET, ACTIVITY_RATE_LIMIT, deps.now());
    if (waitMs > 0) await deps.sleep(waitMs);
    await deps.graph.sendActivityNotification(appContext(deps.tokens, person.tenantId), person.userId, {
      activityType: ACTIVITY_TYPE_OF[nudge.kind],
      topic: 'Unplug',
      webUrl: personalTabDeepLink(teamsAppId, nudge.target),
      previewText: nudge.previewText,
      templateParameters: nudge.templateParameters,
    });
  } catch (error) {
    const refused = error instanceof ConsentRequiredError || (error instanceof GraphRequestError && error.status >= 400 && error.status < 500);
    if (refused) {
      await repo.markRefused(person, nudge.kind, nudge.date, error instanceof GraphRequestError ? `${error.status} ${error.graphCode}` : error.code);
      deps.log.warn({ tenantId: person.tenantId, kind: nudge.kind, err: error }, 'nudge refused by Graph (app not installed for the person, or a permission missing)');
      return;
    }
    await repo.release(person, nudge.kind, nudge.date);
    if (!(error instanceof GraphThrottledError)) throw error;
    deps.log.warn({ tenantId: person.tenantId, kind: nudge.kind }, 'nudge throttled; the next check tries again');
    return;
  }
  await repo.markSent(person, nudge.kind, nudge.date, deps.now());
}
