import { sql, type Kysely } from 'kysely';

/**
 * A person's weekly balance totals, kept when they open their own balance, so a team's aggregate
 * can be computed without reading anyone else's calendar. Erased with the person's data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('balance_snapshot')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('totals', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('balance_snapshot_pk', ['tenant_id', 'user_id', 'week_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('balance_snapshot').ifExists().execute();
}
