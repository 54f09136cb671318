import { sql, type Kysely } from 'kysely';

/**
 * Nudges in the Teams activity feed (design: "Nudges in the flow of work"): which kinds each
 * person turned on (all off by default), and one row per nudge sent — claimed before the Graph
 * call, so any number of instances send each kind at most once a person and local date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('nudge_preference')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('starting_soon', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('long_day', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('weekly_summary', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('nudge_preference_pk', ['tenant_id', 'user_id'])
    .execute();

  await db.schema.createTable('nudge_sent')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('starting-soon', 'long-day', 'weekly-summary')`))
    // The person's local date the nudge counts against: one of a kind a day.
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('sending', 'sent', 'refused')`))
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    // Why Graph refused (a code, never content), for the admin's troubleshooting.
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('nudge_sent_pk', ['tenant_id', 'user_id', 'kind', 'local_date'])
    .execute();
  await db.schema.createIndex('nudge_sent_claimed').on('nudge_sent').columns(['tenant_id', 'claimed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('nudge_sent').ifExists().execute();
  await db.schema.dropTable('nudge_preference').ifExists().execute();
}
