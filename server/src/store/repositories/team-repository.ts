import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';
import { settleWrites } from '../write-behind';

/** Who opted in to their team's aggregate balance. */
export function teamRepository(db: Kysely<Database>) {
  /** Several weekly snapshots in one statement (the last given wins for a person and week given twice). */
  const saveSnapshots = async (entries: readonly { person: PersonKey; weekStart: string; totals: Record<string, number>; now: Date }[]): Promise<void> => {
    const rows = [...new Map(entries.map((e) => [`${e.person.tenantId}/${e.person.userId}/${e.weekStart}`, {
      tenant_id: e.person.tenantId, user_id: e.person.userId, week_start: e.weekStart, totals: JSON.stringify(e.totals), updated_at: e.now,
    }])).values()];
    if (rows.length === 0) return;
    await db.insertInto('balance_snapshot').values(rows)
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'week_start']).doUpdateSet({ totals: sql`excluded.totals`, updated_at: sql`excluded.updated_at` }))
      .execute();
  };

  return {
    saveSnapshots,
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

    async isMember(person: PersonKey, teamId: string): Promise<boolean> {
      const row = await db.selectFrom('team_member').select('user_id')
        .where('tenant_id', '=', person.tenantId).where('team_id', '=', teamId).where('user_id', '=', person.userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Records a person's totals for a week (the latest computation wins). */
    async saveSnapshot(person: PersonKey, weekStart: string, totals: Record<string, number>, now: Date): Promise<void> {
      await saveSnapshots([{ person, weekStart, totals, now }]);
    },

    /** The week's totals of the team's opted-in members who have one. */
    async memberSnapshots(tenantId: string, teamId: string, weekStart: string): Promise<Record<string, number>[]> {
      await settleWrites(db); // snapshots are written behind the answers
      const rows = await db.selectFrom('balance_snapshot')
        .innerJoin('team_member', (join) => join
          .onRef('team_member.tenant_id', '=', 'balance_snapshot.tenant_id')
          .onRef('team_member.user_id', '=', 'balance_snapshot.user_id'))
        .select('balance_snapshot.totals')
        .where('team_member.tenant_id', '=', tenantId).where('team_member.team_id', '=', teamId)
        .where('balance_snapshot.week_start', '=', weekStart)
        .execute();
      return rows.map((r) => r.totals);
    },

    async members(tenantId: string, teamId: string): Promise<string[]> {
      const rows = await db.selectFrom('team_member').select('user_id')
        .where('tenant_id', '=', tenantId).where('team_id', '=', teamId).orderBy('user_id').execute();
      return rows.map((r) => r.user_id);
    },
  };
}

export type TeamRepository = ReturnType<typeof teamRepository>;
