import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtTemplate, migrate, openStore, writeBuiltTemplate, type Store } from './store';
import { testBackends } from './test-backends';

describe.each(testBackends)('store on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('answers a ping and has every table after migrating', async () => {
    await store.ping();
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([
      'preferences', 'org_policy', 'suggestion_state', 'presence_interval', 'team_member', 'audit_log',
    ]));
  });

  it('migrates idempotently', async () => {
    await migrate(store.db);
    const rows = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(store.db);
    expect(rows.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('round-trips JSON and instants exactly, whatever the process time zone', async () => {
    const at = new Date('2026-03-29T00:30:00.000Z'); // the night Europe/Berlin moves to summer time
    await store.db.insertInto('preferences').values({
      tenant_id: 't1', user_id: 'u1',
      preferences: JSON.stringify({ dailyDisconnectTargetMinutes: 90, lunch: { start: '12:00', end: '13:00' } }),
      quiet_time: JSON.stringify({ enabled: true }),
      updated_at: at,
    }).execute();
    const row = await store.db.selectFrom('preferences').selectAll().where('tenant_id', '=', 't1').where('user_id', '=', 'u1').executeTakeFirstOrThrow();
    expect(row.preferences).toEqual({ dailyDisconnectTargetMinutes: 90, lunch: { start: '12:00', end: '13:00' } });
    expect(row.updated_at.toISOString()).toBe(at.toISOString());
  });

  it('refuses a second state for the same suggestion (the primary key guards accept)', async () => {
    const row = {
      tenant_id: 't1', user_id: 'u1', suggestion_id: 'sg_1', state: 'booking' as const, kind: 'disconnect-block',
      start_at: '2026-11-23T14:00:00Z', end_at: '2026-11-23T15:00:00Z', event_id: null,
    };
    await store.db.insertInto('suggestion_state').values(row).execute();
    await expect(store.db.insertInto('suggestion_state').values(row).execute()).rejects.toThrow();
    const claimed = await store.db.insertInto('suggestion_state').values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'suggestion_id']).doNothing())
      .returning('suggestion_id').executeTakeFirst();
    expect(claimed).toBeUndefined();
  });

  it('rolls a failed transaction back and keeps concurrent work apart', async () => {
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.insertInto('org_policy').values({ tenant_id: 'rollback', policy: '{}' }).execute();
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const [inTrx, outside] = await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('org_policy').values({ tenant_id: 'kept', policy: '{"minGroupSize":5}' }).execute();
        return trx.selectFrom('org_policy').select('tenant_id').execute();
      }),
      store.db.selectFrom('org_policy').select('tenant_id').execute(),
    ]);
    expect(inTrx.map((r) => r.tenant_id)).toContain('kept');
    expect(outside.map((r) => r.tenant_id)).not.toContain('rollback');
    const all = await store.db.selectFrom('org_policy').select('tenant_id').execute();
    expect(all.map((r) => r.tenant_id)).toEqual(['kept']);
  });
});

describe('embedded store in a data folder', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const f of folders) await rm(f, { recursive: true, force: true });
  });
  const newFolder = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'unplug-store-test-'));
    folders.push(dir);
    return dir;
  };

  it('starts a new folder migrated (from the template), keeps it apart from other folders, and resumes it', async () => {
    const [a, b] = [await newFolder(), await newFolder()];
    const first = await openStore({ dataDir: a });
    const second = await openStore({ dataDir: b });
    try {
      const tables = (await first.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['preferences', 'suggestion_state', 'audit_log']));
      await sql`create table probe (n int)`.execute(first.db);
      await sql`insert into probe values (7)`.execute(first.db);
      await expect(sql`select n from probe`.execute(second.db)).rejects.toThrow(/probe/);
    } finally {
      await first.close();
      await second.close();
    }
    const again = await openStore({ dataDir: a });
    try {
      const rows = await sql<{ n: number }>`select n from probe`.execute(again.db);
      expect(rows.rows).toEqual([{ n: 7 }]);
      const buffers = await sql<{ v: string }>`select current_setting('shared_buffers') as v`.execute(again.db);
      expect(buffers.rows[0]?.v).toBe('8MB');
    } finally {
      await again.close();
    }
  }, 120_000); // the first start on a machine makes the template (initdb), slow on a loaded machine

  it("unpacks a new folder from the build's template, made once for these migrations, without initdb", async () => {
    const dist = await newFolder();
    const template = { archive: path.join(dist, 'pglite-template.tar.gz'), manifest: path.join(dist, 'pglite-template.json') };
    expect(await builtTemplate(template)).toBeUndefined();
    expect(await writeBuiltTemplate(template)).toBe(true);
    expect(await writeBuiltTemplate(template)).toBe(false); // current already: not made again
    expect(await builtTemplate(template)).toBe(template.archive);

    // An empty temp folder, as on a new machine: nothing is made there (no initdb, no template folder).
    const tmp = await newFolder();
    const dataDir = path.join(await newFolder(), 'data');
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let store: Store | undefined;
    try {
      store = await openStore({ dataDir, template });
    } finally {
      // Workers keep their process between files: restore the variable exactly (an unset one
      // assigned back would become the string "undefined").
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    try {
      expect(await readdir(tmp)).toEqual([]);
      const tables = (await store.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['preferences', 'suggestion_state', 'audit_log', 'balance_snapshot']));
      const buffers = await sql<{ v: string }>`select current_setting('shared_buffers') as v`.execute(store.db);
      expect(buffers.rows[0]?.v).toBe('8MB');
    } finally {
      await store.close();
    }

    // A template made for other migrations (or another PGlite) is not used.
    const manifest = JSON.parse(await readFile(template.manifest, 'utf8')) as { migrations: string[]; pglite: string };
    await writeFile(template.manifest, JSON.stringify({ ...manifest, migrations: [...manifest.migrations, '9999-later'] }));
    expect(await builtTemplate(template)).toBeUndefined();
    await writeFile(template.manifest, JSON.stringify({ ...manifest, pglite: '0.0.1' }));
    expect(await builtTemplate(template)).toBeUndefined();
    for (const damaged of ['{}', 'null', '{"migrations":"0001","pglite":1}', 'not json']) {
      await writeFile(template.manifest, damaged);
      expect(await builtTemplate(template)).toBeUndefined();
    }
  }, 180_000); // initdb once, slow on a loaded machine
});
