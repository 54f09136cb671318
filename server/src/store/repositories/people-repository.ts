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
