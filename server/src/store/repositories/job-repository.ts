import type { Kysely } from 'kysely';
import { isDue } from '../../domain/jobs/due';
import { reserve, type RateLimit } from '../../domain/presence/rate-budget';
import type { Database } from '../schema';

export interface ScheduleState {
  nextDueAt: Date;
  lastRunAt: Date | null;
  lastRunBy: string | null;
}

/**
 * What background jobs share through the store, so any number of instances can run them: when
 * each periodic job is next due, and each tenant's Graph rate budgets.
 */
export function jobRepository(db: Kysely<Database>) {
  return {
    /**
     * Claims a run of a periodic job if it is due: one conditional UPDATE, so of any number of
     * instances asking at once exactly one gets `true`. A job never run before is due at once.
     */
    async claimDue(name: string, everyMs: number, now: Date, instance: string): Promise<boolean> {
      const { nextDueAt } = isDue(undefined, now.getTime(), everyMs);
      await db.insertInto('job_schedule').values({ name, next_due_at: now, last_run_at: null, last_run_by: null })
        .onConflict((oc) => oc.column('name').doNothing()).execute();
      const claimed = await db.updateTable('job_schedule')
        .set({ next_due_at: new Date(nextDueAt), last_run_at: now, last_run_by: instance })
        .where('name', '=', name).where('next_due_at', '<=', now)
        .returning('name').executeTakeFirst();
      return claimed !== undefined;
    },

    async schedule(name: string): Promise<ScheduleState | undefined> {
      const row = await db.selectFrom('job_schedule').selectAll().where('name', '=', name).executeTakeFirst();
      return row && { nextDueAt: row.next_due_at, lastRunAt: row.last_run_at, lastRunBy: row.last_run_by };
    },

    /** Sets when a job is next due (an admin action, and tests of downtime). */
    async setNextDue(name: string, at: Date): Promise<void> {
      await db.insertInto('job_schedule').values({ name, next_due_at: at, last_run_at: null, last_run_by: null })
        .onConflict((oc) => oc.column('name').doUpdateSet({ next_due_at: at })).execute();
    },

    /**
     * Reserves one request of a tenant's budget (shared by every instance, row-locked) and
     * returns how long to wait before sending it.
     */
    async reserveRequest(tenantId: string, budget: string, limit: RateLimit, now: Date): Promise<number> {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('graph_rate_budget').values({ tenant_id: tenantId, budget, tat: now })
          .onConflict((oc) => oc.columns(['tenant_id', 'budget']).doNothing()).execute();
        const row = await trx.selectFrom('graph_rate_budget').select('tat')
          .where('tenant_id', '=', tenantId).where('budget', '=', budget).forUpdate().executeTakeFirstOrThrow();
        const r = reserve(row.tat.getTime(), now.getTime(), limit);
        await trx.updateTable('graph_rate_budget').set({ tat: new Date(r.tat) })
          .where('tenant_id', '=', tenantId).where('budget', '=', budget).execute();
        return r.waitMs;
      });
    },
  };
}

export type JobRepository = ReturnType<typeof jobRepository>;
