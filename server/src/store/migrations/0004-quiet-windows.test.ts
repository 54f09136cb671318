import type { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PGliteDialect } from '../pglite-dialect';
import type { Database } from '../schema';
import { migrationProvider } from './index';
import { openEmptyPGlite } from '../test-backends';

describe('migration 0004: quiet windows', () => {
  let client: PGlite | undefined;
  afterAll(async () => {
    await client?.close();
  });

  it('keeps the automatic status of people who had it on: every evening (and weekend, unless not quiet) is turned on', async () => {
    client = await openEmptyPGlite();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0003-background-jobs')).error).toBeUndefined();
    const row = (userId: string, quietTime: Record<string, unknown>) => ({ tenant_id: 't', user_id: userId, preferences: JSON.stringify({}), quiet_time: JSON.stringify(quietTime) });
    await db.insertInto('preferences').values([
      row('status-on', { autoStatus: true }),
      row('no-weekends', { autoStatus: true, weekends: false }),
      row('quiet-off', { autoStatus: true, enabled: false }),
      row('status-off', { eveningBufferMinutes: 45 }),
    ] as never).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('quiet_window').select(['user_id', 'id', 'kind', 'repeat', 'end_at']).orderBy('user_id').orderBy('id').execute();
    expect(rows).toEqual([
      { user_id: 'no-weekends', id: 'every-evening', kind: 'evening', repeat: 'every', end_at: null },
      { user_id: 'status-on', id: 'every-evening', kind: 'evening', repeat: 'every', end_at: null },
      { user_id: 'status-on', id: 'every-weekend', kind: 'weekend', repeat: 'every', end_at: null },
    ]);
    // A single window needs its end; a recurring one has none.
    await expect(sql`insert into quiet_window (tenant_id, user_id, id, kind, repeat, start_at) values ('t', 'x', 'w', 'evening', 'once', now())`.execute(db)).rejects.toThrow();
    await expect(sql`insert into quiet_window (tenant_id, user_id, id, kind, repeat, start_at) values ('t', 'x', 'w', 'night', 'every', now())`.execute(db)).rejects.toThrow();
  }, 60_000);
});
