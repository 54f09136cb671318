import { MAX_PRESENCE_IDS } from '../../domain/presence/sampling-plan';
import { decideEnd, decideStart, statusStep, type StatusStep } from '../../domain/status/decide-status';
import { statusMessageText } from '../../domain/status/status-message';
import { statusWindows } from '../../domain/status/status-windows';
import { quietWindows } from '../../domain/suggestions/quiet-time';
import { windowsTurnedOn } from '../../domain/suggestions/quiet-choices';
import { quietWindowRepository } from '../../store/repositories/quiet-window-repository';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/time/local-date';
import { zoneOrUtc } from '../../domain/time/resolve-time-zone';
import type { Interval, QuietTimePreferences, WorkingHours } from '../../domain/types';
import type { PresenceStatus } from '../../graph/presence-status';
import { appContext } from '../../graph/gateway';
import { mergePolicy } from '../../services/settings-service';
import { statusRepository, type StatusPerson } from '../../store/repositories/status-repository';
import { requirePermission, STATUS_PERMISSIONS } from '../app-permissions';
import { workingHoursFor } from '../working-hours';
import type { JobDeps } from '../job-deps';
import { presenceSlot } from '../rate-gate';

export const STATUS_QUEUE = 'status-check';

export interface StatusCheckJob {
  tenantId: string;
  userIds: string[];
}

/** Windows are looked for this far around now (a weekend window is under three days). */
const LOOK_BEHIND_MS = 3 * DAY_MS;
const LOOK_AHEAD_MS = 12 * HOUR_MS;

/** Plans a status check: everyone with the automatic status (or ours still showing), 650 a job. */
export async function planStatusCheck(deps: JobDeps, runId: string): Promise<number> {
  const roster = await statusRepository(deps.store.db).roster();
  const byTenant = new Map<string, string[]>();
  for (const p of roster) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p.userId]);
  let count = 0;
  for (const [tenantId, ids] of byTenant) {
    for (let i = 0; i < ids.length; i += MAX_PRESENCE_IDS) {
      await deps.queue.send<StatusCheckJob>(STATUS_QUEUE, { tenantId, userIds: ids.slice(i, i + MAX_PRESENCE_IDS) }, { key: `${runId}/${tenantId}/${i}` });
      count += 1;
    }
  }
  return count;
}

interface Due {
  person: StatusPerson;
  step: Exclude<StatusStep, { step: 'idle' }>;
  quietTime: QuietTimePreferences;
  workingHours: WorkingHours | undefined;
}

/**
 * A queue job: for each person, is a block or quiet window starting (set the status) or has ours
 * ended (clear it)? Those with something to do cost one presence read (650 a request) to see
 * what Teams shows; each write is claimed in the store first, so it happens once.
 */
export async function checkStatuses(deps: JobDeps, job: StatusCheckJob): Promise<void> {
  const unavailable = await requirePermission(deps.tokens, job.tenantId, STATUS_PERMISSIONS);
  if (unavailable) {
    deps.log.warn({ tenantId: job.tenantId, reason: unavailable.code }, 'automatic status unavailable');
    return;
  }
  const repo = statusRepository(deps.store.db);
  const now = deps.now();
  const t = now.getTime();
  const around: Interval = { start: t - LOOK_BEHIND_MS, end: t + LOOK_AHEAD_MS };
  const [people, blocks, latest, hours, choices] = await Promise.all([
    repo.find(job.tenantId, job.userIds),
    repo.acceptedBlocks(job.tenantId, job.userIds, around),
    repo.latest(job.tenantId, job.userIds),
    repo.workingHours(job.tenantId, job.userIds),
    quietWindowRepository(deps.store.db).listFor(job.tenantId, job.userIds),
  ]);

  const due: Due[] = [];
  for (const person of people) {
    const policy = mergePolicy(person.policy);
    const quietTime: QuietTimePreferences = { ...policy.quietTimeDefaults, ...(person.quietTime as Partial<QuietTimePreferences>) };
    const on = policy.features.autoStatus && quietTime.autoStatus;
    const personBlocks = on ? blocks.get(person.userId) ?? [] : [];
    // Only quiet windows the person turned on (once, or every such evening/weekend) set the status.
    const personChoices = choices.get(person.userId) ?? [];
    const quietOn = on && quietTime.enabled && personChoices.length > 0;
    const needsHours = on && (quietOn || personBlocks.some((b) => b.start <= t && t < b.end));
    const workingHours = needsHours ? workingHoursFor(deps, person, hours.get(person.userId), 'automatic status') : undefined;
    if (needsHours && !workingHours) continue; // none stored yet: the next tab open saves them
    const quiet = quietOn && workingHours ? windowsTurnedOn(quietWindows({ workingHours }, quietTime, around), personChoices) : [];
    const step = statusStep(statusWindows(personBlocks, quiet), latest.get(person.userId), t);
    if (step.step !== 'idle') due.push({ person, step, quietTime, workingHours });
  }
  if (due.length === 0) return;

  await presenceSlot(deps, job.tenantId);
  const shown = new Map((await deps.graph.getPresenceStatuses(appContext(deps.tokens, job.tenantId), due.map((d) => d.person.userId))).map((s) => [s.userId, s]));
  for (const d of due) {
    const observed = shown.get(d.person.userId);
    if (!observed) continue;
    try {
      if (d.step.step === 'start') await start(deps, d, d.step, observed, now);
      else if (d.step.step === 'refresh') await refresh(deps, d.person, d.step, now);
      else await end(deps, d.person, d.step.assignment, observed, now);
    } catch (error) {
      deps.log.warn({ tenantId: job.tenantId, err: error }, 'automatic status: a Graph write failed; the next check tries again');
    }
  }
}

async function start(deps: JobDeps, d: Due, step: Extract<StatusStep, { step: 'start' }>, observed: PresenceStatus, now: Date): Promise<void> {
  const repo = statusRepository(deps.store.db);
  const zone = zoneOrUtc((d.workingHours ?? { timeZone: { kind: 'iana', name: 'UTC' } }).timeZone).zone;
  const message = statusMessageText(d.quietTime.statusMessage, step.window.end, zone, now.getTime());
  const decision = decideStart(step.window, message, d.quietTime.preferredPresence, { message: observed.statusMessage, availability: observed.availability }, step.previous, now.getTime());
  if (!(await repo.claimStart(d.person, step.window, message, d.quietTime.preferredPresence, now))) return;
  if (step.previous) await repo.mark(d.person, step.previous.windowStart, 'cleared', now);
  if (decision.action === 'leave') {
    await repo.mark(d.person, step.window.start, 'left', now);
    return;
  }
  const context = appContext(deps.tokens, d.person.tenantId);
  try {
    await deps.graph.setStatusMessage(context, d.person.userId, { message: decision.message, expiresAt: decision.expiresAt });
    // Unplug's own presence session, never the person's preferred presence: a Do Not Disturb (or
    // anything else) they chose themselves shows over it, and stays theirs (see setAppPresence).
    if (decision.preferredPresence && decision.presenceMinutes) {
      await deps.graph.setAppPresence(context, d.person.userId, decision.preferredPresence, decision.presenceMinutes);
    }
  } catch (error) {
    await repo.releaseStart(d.person, step.window.start);
    throw error;
  }
  await repo.mark(d.person, step.window.start, 'set', deps.now());
}

async function end(deps: JobDeps, person: StatusPerson, assignment: Extract<StatusStep, { step: 'end' }>['assignment'], observed: PresenceStatus, now: Date): Promise<void> {
  const repo = statusRepository(deps.store.db);
  if (!(await repo.claimEnd(person, assignment.windowStart, now))) return;
  const decision = decideEnd(assignment, { message: observed.statusMessage, availability: observed.availability });
  const context = appContext(deps.tokens, person.tenantId);
  try {
    if (decision.clearMessage) await deps.graph.clearStatusMessage(context, person.userId);
    // Removes our presence session only; whatever the person set stays.
    if (decision.clearPresence) await deps.graph.clearAppPresence(context, person.userId);
  } catch (error) {
    await repo.mark(person, assignment.windowStart, 'set', now);
    throw error;
  }
  await repo.mark(person, assignment.windowStart, 'cleared', deps.now());
}

/** Sets our presence session again for a window longer than one session (4 hours at most). */
async function refresh(deps: JobDeps, person: StatusPerson, step: Extract<StatusStep, { step: 'refresh' }>, now: Date): Promise<void> {
  const { assignment, window } = step;
  if (!assignment.preferredPresence || assignment.updatedAt === undefined) return;
  const repo = statusRepository(deps.store.db);
  if (!(await repo.claimRefresh(person, assignment.windowStart, new Date(assignment.updatedAt), now))) return;
  try {
    await deps.graph.setAppPresence(appContext(deps.tokens, person.tenantId), person.userId, assignment.preferredPresence, Math.ceil((window.end - now.getTime()) / MINUTE_MS));
  } catch (error) {
    // Give the claim back so the next check tries again.
    await repo.claimRefresh(person, assignment.windowStart, now, new Date(assignment.updatedAt));
    throw error;
  }
}
