import { sql, type Kysely } from 'kysely';

/**
 * Background work (design: "Presence timeline", "Quiet time and status", "Scale-out"): the
 * schedule of periodic jobs, presence-timeline opt-ins and sampling markers, the per-tenant Graph
 * rate budget, presence subscriptions and their notification inbox, and the automatic statuses
 * Unplug set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // When each periodic job is next due. Claimed with one conditional UPDATE, so any number of
  // instances run a due job once; work due while every instance was down runs once on start.
  await db.schema.createTable('job_schedule')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_run_by', 'text')
    .execute();

  await db.schema.createTable('presence_opt_in')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('opted_in_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('presence_opt_in_pk', ['tenant_id', 'user_id'])
    .execute();

  // One row per sampled chunk of a cycle, written in the transaction that applies its samples:
  // a chunk retried after a crash cannot be applied twice. Names no one (counts only).
  await db.schema.createTable('presence_sample_chunk')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('user_count', 'integer', (c) => c.notNull())
    .addColumn('changes', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_sample_chunk_pk', ['cycle_id', 'tenant_id', 'chunk_index'])
    .execute();

  // At most one current (open) interval per person, whatever races between instances.
  await sql`create unique index presence_interval_open on presence_interval (tenant_id, user_id) where end_at is null`.execute(db);
  await db.schema.createIndex('presence_interval_tenant_end').on('presence_interval').columns(['tenant_id', 'end_at']).execute();

  // Generic cell rate algorithm: one "theoretical arrival time" per tenant and budget.
  await db.schema.createTable('graph_rate_budget')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('budget', 'text', (c) => c.notNull())
    .addColumn('tat', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('graph_rate_budget_pk', ['tenant_id', 'budget'])
    .execute();

  await db.schema.createTable('presence_subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('client_state', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('renewed_at', 'timestamptz')
    .execute();
  await db.schema.createTable('presence_subscription_member')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('presence_subscription.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_subscription_member_pk', ['subscription_id', 'user_id'])
    .execute();
  await db.schema.createIndex('presence_subscription_member_person').on('presence_subscription_member').columns(['tenant_id', 'user_id']).execute();

  // Notifications are stored before Graph gets its 202, then applied by a job.
  await db.schema.createTable('presence_notification')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema.createTable('status_assignment')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('window_end', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('preferred_presence', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('setting', 'set', 'clearing', 'cleared', 'left')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('status_assignment_pk', ['tenant_id', 'user_id', 'window_start'])
    .execute();

  await db.schema.createTable('person_working_hours')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('working_hours', 'jsonb', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_working_hours_pk', ['tenant_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['person_working_hours', 'status_assignment', 'presence_notification', 'presence_subscription_member',
    'presence_subscription', 'graph_rate_budget', 'presence_sample_chunk', 'presence_opt_in', 'job_schedule']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop index if exists presence_interval_open`.execute(db);
  await sql`drop index if exists presence_interval_tenant_end`.execute(db);
}
