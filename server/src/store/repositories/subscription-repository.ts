import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * The presence-subscription tables of migration 0003. Unplug no longer makes presence
 * subscriptions (Graph supports them with delegated permissions only; the jobs poll), so nothing
 * writes these rows any more; the repository stays for the tables' erasure and tests.
 */
export interface HeldSubscription {
  id: string;
  members: readonly string[];
  expiresAt: number;
}

export interface StoredSubscription {
  id: string;
  tenantId: string;
  clientState: string;
  expiresAt: Date;
}

export interface StoredNotification {
  tenantId: string;
  userId: string;
  subscriptionId: string;
  receivedAt: Date;
}

/** Presence change-notification subscriptions, their people, and the inbox of notifications. */
export function subscriptionRepository(db: Kysely<Database>) {
  return {
    async held(tenantId: string): Promise<HeldSubscription[]> {
      const subs = await db.selectFrom('presence_subscription').select(['id', 'expires_at']).where('tenant_id', '=', tenantId).orderBy('id').execute();
      if (subs.length === 0) return [];
      const members = await db.selectFrom('presence_subscription_member').select(['subscription_id', 'user_id'])
        .where('subscription_id', 'in', subs.map((s) => s.id)).execute();
      return subs.map((s) => ({ id: s.id, expiresAt: s.expires_at.getTime(), members: members.filter((m) => m.subscription_id === s.id).map((m) => m.user_id) }));
    },

    async tenants(): Promise<string[]> {
      return (await db.selectFrom('presence_subscription').select('tenant_id').distinct().execute()).map((r) => r.tenant_id);
    },

    async find(id: string): Promise<StoredSubscription | undefined> {
      const row = await db.selectFrom('presence_subscription').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, tenantId: row.tenant_id, clientState: row.client_state, expiresAt: row.expires_at };
    },

    /** The subscriptions of these ids that exist (one query, however many ids). */
    async findMany(ids: readonly string[]): Promise<Map<string, StoredSubscription>> {
      const out = new Map<string, StoredSubscription>();
      if (ids.length === 0) return out;
      const rows = await db.selectFrom('presence_subscription').selectAll().where('id', 'in', [...ids]).execute();
      for (const row of rows) out.set(row.id, { id: row.id, tenantId: row.tenant_id, clientState: row.client_state, expiresAt: row.expires_at });
      return out;
    },

    async members(id: string): Promise<string[]> {
      return (await db.selectFrom('presence_subscription_member').select('user_id').where('subscription_id', '=', id).orderBy('user_id').execute()).map((r) => r.user_id);
    },

    async save(sub: StoredSubscription, members: readonly string[], now: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('presence_subscription')
          .values({ id: sub.id, tenant_id: sub.tenantId, client_state: sub.clientState, expires_at: sub.expiresAt, created_at: now, renewed_at: null })
          .execute();
        if (members.length > 0) {
          await trx.insertInto('presence_subscription_member')
            .values(members.map((userId) => ({ subscription_id: sub.id, tenant_id: sub.tenantId, user_id: userId }))).execute();
        }
      });
    },

    async renewed(id: string, expiresAt: Date, now: Date): Promise<void> {
      await db.updateTable('presence_subscription').set({ expires_at: expiresAt, renewed_at: now }).where('id', '=', id).execute();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('presence_subscription').where('id', '=', id).execute();
    },

    /** People of a tenant whose presence a live subscription follows. */
    async covered(tenantId: string, now: Date): Promise<Set<string>> {
      const rows = await db.selectFrom('presence_subscription_member as m')
        .innerJoin('presence_subscription as s', 's.id', 'm.subscription_id')
        .select('m.user_id').where('s.tenant_id', '=', tenantId).where('s.expires_at', '>', now).execute();
      return new Set(rows.map((r) => r.user_id));
    },

    /** Stores received change notifications (before Graph gets its 202). */
    async addNotifications(rows: readonly StoredNotification[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insertInto('presence_notification')
        .values(rows.map((r) => ({ tenant_id: r.tenantId, user_id: r.userId, subscription_id: r.subscriptionId, received_at: r.receivedAt }))).execute();
    },

    /**
     * Takes up to `limit` stored notifications off the inbox (another instance taking at the same
     * time gets others: SKIP LOCKED).
     */
    async takeNotifications(limit: number): Promise<StoredNotification[]> {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('presence_notification').selectAll().orderBy('id').limit(limit).forUpdate().skipLocked().execute();
        if (rows.length === 0) return [];
        await trx.deleteFrom('presence_notification').where('id', 'in', rows.map((r) => r.id)).execute();
        return rows.map((r) => ({ tenantId: r.tenant_id, userId: r.user_id, subscriptionId: r.subscription_id, receivedAt: r.received_at }));
      });
    },

    async pendingNotifications(): Promise<number> {
      const row = await db.selectFrom('presence_notification').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type SubscriptionRepository = ReturnType<typeof subscriptionRepository>;
