import { sql, type Kysely } from 'kysely';
import type { AssignmentState, StatusAssignment } from '../../domain/status/decide-status';
import type { StatusWindow } from '../../domain/status/status-windows';
import type { Interval, PreferredPresence } from '../../domain/types';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';
import { settleWrites } from '../write-behind';

export interface StatusPerson extends PersonKey {
  /** The person's stored quiet-time choices (partial) and their tenant's stored policy. */
  quietTime: Record<string, unknown>;
  policy: Record<string, unknown>;
}

/**
 * The automatic status: who wants it, the windows it follows, and what Unplug set for each
 * window. Every Graph write is claimed here first (`setting`, `clearing`), so of any number of
 * instances exactly one makes it.
 */
export function statusRepository(db: Kysely<Database>) {
  /** Several people's working hours in one statement (the last given wins for a person given twice). */
  const saveManyWorkingHours = async (entries: readonly { person: PersonKey; workingHours: Record<string, unknown>; now: Date }[]): Promise<void> => {
    const rows = [...new Map(entries.map((e) => [`${e.person.tenantId}/${e.person.userId}`, {
      tenant_id: e.person.tenantId, user_id: e.person.userId, working_hours: JSON.stringify(e.workingHours), fetched_at: e.now,
    }])).values()];
    if (rows.length === 0) return;
    await db.insertInto('person_working_hours').values(rows)
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ working_hours: sql`excluded.working_hours`, fetched_at: sql`excluded.fetched_at` })
        .where(sql<boolean>`person_working_hours.working_hours is distinct from excluded.working_hours`)).execute();
  };

  return {
    saveManyWorkingHours,
    /**
     * People with the automatic status on (their choice, else their organisation's default;
     * the organisation's feature on), and anyone with a status of ours still showing.
     */
    async roster(): Promise<StatusPerson[]> {
      const rows = await db.selectFrom('preferences as p')
        .leftJoin('org_policy as o', 'o.tenant_id', 'p.tenant_id')
        .select(['p.tenant_id', 'p.user_id', 'p.quiet_time', 'o.policy'])
        .where((eb) => eb.or([
          eb.and([
            sql<boolean>`coalesce((p.quiet_time ->> 'autoStatus')::boolean, (o.policy -> 'quietTimeDefaults' ->> 'autoStatus')::boolean, false)`,
            sql<boolean>`coalesce((o.policy -> 'features' ->> 'autoStatus')::boolean, true)`,
          ]),
          eb.exists(eb.selectFrom('status_assignment as a').select('a.user_id')
            .whereRef('a.tenant_id', '=', 'p.tenant_id').whereRef('a.user_id', '=', 'p.user_id').where('a.state', '=', 'set')),
        ]))
        .orderBy('p.tenant_id').orderBy('p.user_id')
        .execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, userId: r.user_id, quietTime: r.quiet_time, policy: r.policy ?? {} }));
    },

    async find(tenantId: string, userIds: readonly string[]): Promise<StatusPerson[]> {
      if (userIds.length === 0) return [];
      const rows = await db.selectFrom('preferences as p').leftJoin('org_policy as o', 'o.tenant_id', 'p.tenant_id')
        .select(['p.tenant_id', 'p.user_id', 'p.quiet_time', 'o.policy'])
        .where('p.tenant_id', '=', tenantId).where('p.user_id', 'in', [...userIds]).orderBy('p.user_id').execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, userId: r.user_id, quietTime: r.quiet_time, policy: r.policy ?? {} }));
    },

    /** Accepted blocks overlapping `around`, per person. */
    async acceptedBlocks(tenantId: string, userIds: readonly string[], around: Interval): Promise<Map<string, Interval[]>> {
      const out = new Map<string, Interval[]>();
      if (userIds.length === 0) return out;
      const rows = await db.selectFrom('suggestion_state').select(['user_id', 'start_at', 'end_at'])
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).where('state', '=', 'accepted')
        .where('start_at', '<', new Date(around.end)).where('end_at', '>', new Date(around.start))
        .orderBy('start_at').execute();
      for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), { start: r.start_at.getTime(), end: r.end_at.getTime() }]);
      return out;
    },

    /** Each person's latest assignment (by window start). */
    async latest(tenantId: string, userIds: readonly string[]): Promise<Map<string, StatusAssignment & { kind: string }>> {
      const out = new Map<string, StatusAssignment & { kind: string }>();
      if (userIds.length === 0) return out;
      const rows = await db.selectFrom('status_assignment').selectAll()
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds])
        .orderBy('user_id').orderBy('window_start', 'desc').execute();
      for (const r of rows) {
        if (out.has(r.user_id)) continue;
        out.set(r.user_id, {
          windowStart: r.window_start.getTime(), windowEnd: r.window_end.getTime(), kind: r.kind, message: r.message,
          preferredPresence: r.preferred_presence as PreferredPresence | null, state: r.state, updatedAt: r.updated_at.getTime(),
        });
      }
      return out;
    },

    /** Claims setting the status of a window; `false` if it was claimed (or decided) before. */
    async claimStart(p: PersonKey, window: StatusWindow, message: string, preferred: PreferredPresence | null, now: Date): Promise<boolean> {
      const row = await db.insertInto('status_assignment').values({
        tenant_id: p.tenantId, user_id: p.userId, window_start: new Date(window.start), window_end: new Date(window.end),
        kind: window.kind, message, preferred_presence: preferred, state: 'setting', updated_at: now,
      }).onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'window_start']).doNothing()).returning('state').executeTakeFirst();
      return row !== undefined;
    },

    /** Claims clearing ours; `false` if another instance is at it or it is done. */
    async claimEnd(p: PersonKey, windowStart: number, now: Date): Promise<boolean> {
      const row = await db.updateTable('status_assignment').set({ state: 'clearing', updated_at: now })
        .where('tenant_id', '=', p.tenantId).where('user_id', '=', p.userId).where('window_start', '=', new Date(windowStart)).where('state', '=', 'set')
        .returning('state').executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Claims setting our presence session again for a window that outlasts it; `false` if another
     * instance did since `seen` (the `updatedAt` this instance read).
     */
    async claimRefresh(p: PersonKey, windowStart: number, seen: Date, now: Date): Promise<boolean> {
      const row = await db.updateTable('status_assignment').set({ updated_at: now })
        .where('tenant_id', '=', p.tenantId).where('user_id', '=', p.userId).where('window_start', '=', new Date(windowStart))
        .where('state', '=', 'set').where('updated_at', '=', seen)
        .returning('state').executeTakeFirst();
      return row !== undefined;
    },

    async mark(p: PersonKey, windowStart: number, state: AssignmentState, now: Date): Promise<void> {
      await db.updateTable('status_assignment').set({ state, updated_at: now })
        .where('tenant_id', '=', p.tenantId).where('user_id', '=', p.userId).where('window_start', '=', new Date(windowStart)).execute();
    },

    /** Gives a failed `setting` claim back, so the next check tries again. */
    async releaseStart(p: PersonKey, windowStart: number): Promise<void> {
      await db.deleteFrom('status_assignment')
        .where('tenant_id', '=', p.tenantId).where('user_id', '=', p.userId).where('window_start', '=', new Date(windowStart)).where('state', '=', 'setting').execute();
    },

    /** Forgets assignments of windows that ended before the cutoff (only the latest matters). */
    async deleteEndedBefore(cutoff: Date): Promise<number> {
      const result = await db.deleteFrom('status_assignment').where('window_end', '<', cutoff).where('state', 'in', ['cleared', 'left']).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async workingHours(tenantId: string, userIds: readonly string[]): Promise<Map<string, { workingHours: Record<string, unknown>; fetchedAt: Date }>> {
      const out = new Map<string, { workingHours: Record<string, unknown>; fetchedAt: Date }>();
      if (userIds.length === 0) return out;
      await settleWrites(db); // tab loads write them behind their answers
      const rows = await db.selectFrom('person_working_hours').selectAll().where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).execute();
      for (const r of rows) out.set(r.user_id, { workingHours: r.working_hours, fetchedAt: r.fetched_at });
      return out;
    },

    /**
     * Stores the working hours the tab read. The same hours again change nothing (no write, and
     * `fetched_at` stays when they were first stored as they are).
     */
    async saveWorkingHours(p: PersonKey, workingHours: Record<string, unknown>, now: Date): Promise<void> {
      await saveManyWorkingHours([{ person: p, workingHours, now }]);
    },

  };
}

export type StatusRepository = ReturnType<typeof statusRepository>;
