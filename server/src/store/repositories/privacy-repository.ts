import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';
import { settleWrites } from '../write-behind';

/**
 * Every table that holds rows about a person, and the column that names them. A new table with
 * personal data must be added here, or export and erase would miss it (a test checks every table).
 */
export const PERSONAL_TABLES = {
  preferences: 'user_id',
  suggestion_state: 'user_id',
  presence_interval: 'user_id',
  team_member: 'user_id',
  audit_log: 'actor_user_id',
  balance_snapshot: 'user_id',
  presence_opt_in: 'user_id',
  presence_subscription_member: 'user_id',
  presence_notification: 'user_id',
  status_assignment: 'user_id',
  person_working_hours: 'user_id',
  quiet_window: 'user_id',
  nudge_preference: 'user_id',
  nudge_sent: 'user_id',
} as const satisfies Partial<Record<keyof Database, string>>;

/** Tables with no personal rows (checked by the same test). */
export const NON_PERSONAL_TABLES: readonly (keyof Database)[] = [
  'org_policy',
  // Background jobs: schedules, per-chunk counts, rate budgets, subscription ids and secrets.
  'job_schedule', 'presence_sample_chunk', 'graph_rate_budget', 'presence_subscription',
];

/** What an audit entry names as its actor once that person's data was erased. */
export const ERASED_ACTOR = 'erased-person';

export type PersonalExport = { [T in keyof typeof PERSONAL_TABLES]: Record<string, unknown>[] };

/** Export and erasure of everything stored about one person. */
export function privacyRepository(db: Kysely<Database>) {
  return {
    async export(person: PersonKey): Promise<PersonalExport> {
      await settleWrites(db); // what was written behind answers is part of it
      const result: Record<string, Record<string, unknown>[]> = {};
      for (const [table, column] of Object.entries(PERSONAL_TABLES) as [keyof typeof PERSONAL_TABLES, string][]) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- table and column come from the constant above
        const rows = await (db as Kysely<any>).selectFrom(table).selectAll()
          .where('tenant_id', '=', person.tenantId).where(column, '=', person.userId).execute();
        result[table] = rows.map((row: Record<string, unknown>) => withoutKeys(row));
      }
      return result as PersonalExport;
    },

    /**
     * Deletes every row about the person, in one transaction; returns the count per table. Audit
     * entries of policy changes the person made as an admin stay (the change happened) but no
     * longer name them.
     */
    async erase(person: PersonKey): Promise<Record<string, number>> {
      await settleWrites(db); // nothing written behind an answer may come back after the erasure
      return db.transaction().execute(async (trx) => {
        const counts: Record<string, number> = {};
        for (const [table, column] of Object.entries(PERSONAL_TABLES)) {
          if (table === 'audit_log') {
            const result = await trx.updateTable('audit_log').set({ actor_user_id: ERASED_ACTOR })
              .where('tenant_id', '=', person.tenantId).where('actor_user_id', '=', person.userId).executeTakeFirst();
            counts[table] = Number(result.numUpdatedRows);
            continue;
          }
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- table and column come from the constant above
          const result = await (trx as Kysely<any>).deleteFrom(table)
            .where('tenant_id', '=', person.tenantId).where(column, '=', person.userId).executeTakeFirst();
          counts[table] = Number(result.numDeletedRows);
        }
        return counts;
      });
    },
  };
}

export type PrivacyRepository = ReturnType<typeof privacyRepository>;

function withoutKeys(row: Record<string, unknown>): Record<string, unknown> {
  const { tenant_id: _t, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
