import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Who a row belongs to: people are keyed on tenant id + object id. */
export interface PersonKey {
  tenantId: string;
  userId: string;
}

export interface StoredPersonSettings {
  preferences: Record<string, unknown>;
  quietTime: Record<string, unknown>;
  updatedAt: Date;
}

/** A person's saved preferences and quiet time (partial: unset fields fall back to org defaults). */
export function peopleRepository(db: Kysely<Database>) {
  return {
    async find(person: PersonKey): Promise<StoredPersonSettings | undefined> {
      const row = await db.selectFrom('preferences').selectAll()
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .executeTakeFirst();
      return row && { preferences: row.preferences, quietTime: row.quiet_time, updatedAt: row.updated_at };
    },

    /** The saved settings of several people of one tenant, by user id (people without any are absent). */
    async findFor(tenantId: string, userIds: readonly string[]): Promise<Map<string, StoredPersonSettings>> {
      const out = new Map<string, StoredPersonSettings>();
      if (userIds.length === 0) return out;
      const rows = await db.selectFrom('preferences').selectAll()
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).execute();
      for (const row of rows) out.set(row.user_id, { preferences: row.preferences, quietTime: row.quiet_time, updatedAt: row.updated_at });
      return out;
    },

    async savePreferences(person: PersonKey, preferences: Record<string, unknown>, now: Date): Promise<void> {
      await db.insertInto('preferences')
        .values({ tenant_id: person.tenantId, user_id: person.userId, preferences: JSON.stringify(preferences), quiet_time: '{}', updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ preferences: JSON.stringify(preferences), updated_at: now }))
        .execute();
    },

    async saveQuietTime(person: PersonKey, quietTime: Record<string, unknown>, now: Date): Promise<void> {
      await db.insertInto('preferences')
        .values({ tenant_id: person.tenantId, user_id: person.userId, preferences: '{}', quiet_time: JSON.stringify(quietTime), updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ quiet_time: JSON.stringify(quietTime), updated_at: now }))
        .execute();
    },
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;
