import { sql, type Kysely } from 'kysely';
import type { OpenPresence, TimelineChange } from '../../domain/presence/timeline-changes';
import type { Availability } from '../../domain/types';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';

export interface ChunkMarker {
  cycleId: string;
  chunkIndex: number;
  userCount: number;
  worker: string;
}

export type ApplyOutcome = { applied: true; changes: number } | { applied: false };

/**
 * The presence timeline and who asked for it: opt-ins, the current (open) interval per person,
 * and the changes a batch of samples makes — written in one transaction, with the chunk's marker
 * when it comes from a sampling cycle, so the same chunk is never applied twice.
 */
export function presenceRepository(db: Kysely<Database>) {
  return {
    async optIn(person: PersonKey, now: Date): Promise<Date> {
      await db.insertInto('presence_opt_in').values({ tenant_id: person.tenantId, user_id: person.userId, opted_in_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing()).execute();
      return (await this.optedInAt(person)) ?? now;
    },

    /** Stops the timeline: the opt-in goes and the current interval ends now (history stays until retention or erasure). */
    async optOut(person: PersonKey, now: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('presence_opt_in').where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).execute();
        await trx.updateTable('presence_interval').set({ end_at: now })
          .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).where('end_at', 'is', null).execute();
      });
    },

    async optedInAt(person: PersonKey): Promise<Date | undefined> {
      const row = await db.selectFrom('presence_opt_in').select('opted_in_at')
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).executeTakeFirst();
      return row?.opted_in_at;
    },

    /** Opted-in people of every tenant whose policy has the presence timeline on (the default), by tenant. */
    async roster(): Promise<Map<string, string[]>> {
      const rows = await db.selectFrom('presence_opt_in as o')
        .leftJoin('org_policy as p', 'p.tenant_id', 'o.tenant_id')
        .select(['o.tenant_id', 'o.user_id'])
        .where(sql<boolean>`coalesce((p.policy -> 'features' ->> 'presenceTimeline')::boolean, true)`)
        .orderBy('o.tenant_id').orderBy('o.user_id')
        .execute();
      const byTenant = new Map<string, string[]>();
      for (const r of rows) {
        const list = byTenant.get(r.tenant_id) ?? [];
        list.push(r.user_id);
        byTenant.set(r.tenant_id, list);
      }
      return byTenant;
    },

    async openIntervals(tenantId: string, userIds: readonly string[]): Promise<OpenPresence[]> {
      if (userIds.length === 0) return [];
      const rows = await db.selectFrom('presence_interval').select(['id', 'user_id', 'availability', 'activity', 'start_at'])
        .where('tenant_id', '=', tenantId).where('end_at', 'is', null).where('user_id', 'in', [...userIds]).execute();
      return rows.map((r) => ({ id: String(r.id), userId: r.user_id, availability: r.availability as Availability, activity: r.activity, start: r.start_at.getTime() }));
    },

    /**
     * Writes timeline changes. With a marker, nothing is written if that chunk was applied
     * already. A person whose interval another writer opened meanwhile keeps that one.
     */
    async apply(tenantId: string, changes: readonly TimelineChange[], at: Date, marker?: ChunkMarker): Promise<ApplyOutcome> {
      return db.transaction().execute(async (trx) => {
        if (marker) {
          const claimed = await trx.insertInto('presence_sample_chunk')
            .values({ cycle_id: marker.cycleId, tenant_id: tenantId, chunk_index: marker.chunkIndex, user_count: marker.userCount, changes: changes.length, worker: marker.worker, done_at: at })
            .onConflict((oc) => oc.columns(['cycle_id', 'tenant_id', 'chunk_index']).doNothing())
            .returning('chunk_index').executeTakeFirst();
          if (!claimed) return { applied: false } as const;
        }
        const closing = changes.flatMap((c) => (c.close ? [c.close.id] : []));
        if (closing.length > 0) {
          await trx.updateTable('presence_interval').set({ end_at: at })
            .where('id', 'in', closing).where('end_at', 'is', null).execute();
        }
        if (changes.length > 0) {
          await trx.insertInto('presence_interval')
            .values(changes.map((c) => ({ tenant_id: tenantId, user_id: c.userId, availability: c.open.availability, activity: c.open.activity, start_at: new Date(c.open.start), end_at: null })))
            .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).where('end_at', 'is', null).doNothing())
            .execute();
        }
        return { applied: true, changes: changes.length } as const;
      });
    },

    async chunkApplied(cycleId: string, tenantId: string, chunkIndex: number): Promise<boolean> {
      const row = await db.selectFrom('presence_sample_chunk').select('chunk_index')
        .where('cycle_id', '=', cycleId).where('tenant_id', '=', tenantId).where('chunk_index', '=', chunkIndex).executeTakeFirst();
      return row !== undefined;
    },

    /** The chunks of a cycle that were applied, with the instance that sampled each. */
    async cycleChunks(cycleId: string): Promise<{ tenantId: string; chunkIndex: number; userCount: number; changes: number; worker: string; doneAt: Date }[]> {
      const rows = await db.selectFrom('presence_sample_chunk').selectAll().where('cycle_id', '=', cycleId).orderBy('tenant_id').orderBy('chunk_index').execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, chunkIndex: r.chunk_index, userCount: r.user_count, changes: r.changes, worker: r.worker, doneAt: r.done_at }));
    },

    /** Tenants with any timeline rows, and the retention their policy sets (null: the default). */
    async tenantsWithTimeline(): Promise<{ tenantId: string; retentionDays: number | null }[]> {
      const rows = await db.selectFrom(
        (eb) => eb.selectFrom('presence_interval').select('tenant_id').distinct().as('t'),
      ).leftJoin('org_policy as p', 'p.tenant_id', 't.tenant_id')
        .select(['t.tenant_id', sql<number | null>`(p.policy ->> 'presenceRetentionDays')::int`.as('days')])
        .execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, retentionDays: r.days }));
    },

    /** Deletes intervals of a tenant that ended before the cutoff. */
    async deleteEndedBefore(tenantId: string, cutoff: Date): Promise<number> {
      const result = await db.deleteFrom('presence_interval').where('tenant_id', '=', tenantId).where('end_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Ends the current interval of people nobody samples any more (opt-in gone, feature off). */
    async closeUnsampled(now: Date): Promise<number> {
      const result = await db.updateTable('presence_interval').set({ end_at: now })
        .where('end_at', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(
          selectFrom('presence_opt_in as o').leftJoin('org_policy as p', 'p.tenant_id', 'o.tenant_id').select('o.user_id')
            .whereRef('o.tenant_id', '=', 'presence_interval.tenant_id').whereRef('o.user_id', '=', 'presence_interval.user_id')
            .where(sql<boolean>`coalesce((p.policy -> 'features' ->> 'presenceTimeline')::boolean, true)`),
        )))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Forgets sampling markers older than the cutoff (they only guard against a retried chunk). */
    async deleteChunkMarkersBefore(cutoff: Date): Promise<void> {
      await db.deleteFrom('presence_sample_chunk').where('done_at', '<', cutoff).execute();
    },
  };
}

export type PresenceRepository = ReturnType<typeof presenceRepository>;
