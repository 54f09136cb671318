import { sql, type Kysely } from 'kysely';

/**
 * Quiet windows the person turned on (issue 15): quiet time is a window, not a calendar block.
 * A row is either one window (`repeat = 'once'`, with its end) or every such evening or weekend
 * from `start_at` on (`repeat = 'every'`, no end). Erased with the person's data.
 *
 * People whose automatic status already ran in quiet time keep it: for them every evening (and
 * every weekend, unless weekends are not quiet) is turned on, so the status behaves as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('quiet_window')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('evening', 'weekend')`))
    .addColumn('repeat', 'text', (c) => c.notNull().check(sql`repeat in ('once', 'every')`))
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('quiet_window_pk', ['tenant_id', 'user_id', 'id'])
    .addCheckConstraint('quiet_window_once_has_end', sql`(repeat = 'every') = (end_at is null)`)
    .execute();

  await sql`
    insert into quiet_window (tenant_id, user_id, id, kind, repeat, start_at)
    select tenant_id, user_id, 'every-evening', 'evening', 'every', now() from preferences
    where coalesce(quiet_time->>'autoStatus', 'false') = 'true' and coalesce(quiet_time->>'enabled', 'true') <> 'false'
    union all
    select tenant_id, user_id, 'every-weekend', 'weekend', 'every', now() from preferences
    where coalesce(quiet_time->>'autoStatus', 'false') = 'true' and coalesce(quiet_time->>'enabled', 'true') <> 'false'
      and coalesce(quiet_time->>'weekends', 'true') <> 'false'
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quiet_window').ifExists().execute();
}
