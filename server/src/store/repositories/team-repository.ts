import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';

/** Who opted in to their team's aggregate balance. */
export function teamRepository(db: Kysely<Database>) {
  return {
    async optIn(person: PersonKey, teamId: string, now: Date): Promise<void> {
      await db.insertInto('team_member')
        .values({ tenant_id: person.tenantId, team_id: teamId, user_id: person.userId, opted_in_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'team_id', 'user_id']).doNothing())
        .execute();
    },

    async optOut(person: PersonKey, teamId: string): Promise<void> {
      await db.deleteFrom('team_member')
        .where('tenant_id', '=', person.tenantId).where('team_id', '=', teamId).where('user_id', '=', person.userId)
        .execute();
    },

    async members(tenantId: string, teamId: string): Promise<string[]> {
      const rows = await db.selectFrom('team_member').select('user_id')
        .where('tenant_id', '=', tenantId).where('team_id', '=', teamId).orderBy('user_id').execute();
      return rows.map((r) => r.user_id);
    },
  };
}

export type TeamRepository = ReturnType<typeof teamRepository>;
