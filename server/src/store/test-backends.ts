/**
 * The store backends every store test runs against: the embedded PGlite, and PostgreSQL's wire
 * protocol — the real server when `TEST_DATABASE_URL` is set (CI sets it), otherwise PGlite served
 * over the wire by `@electric-sql/pglite-socket`. Never skipped: one of the two wire targets is
 * always there.
 */
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { openMemoryFromDump, openMemoryFromTemplate, openStore, pgliteVersion, type Store } from './store';

export interface TestBackend {
  name: string;
  open(): Promise<{ store: Store; databaseUrl?: string; cleanup(): Promise<void> }>;
}

let counter = 0;

export const testBackends: TestBackend[] = [
  {
    name: 'embedded PGlite',
    async open() {
      const store = await openStore({ dataDir: 'memory://' });
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'PostgreSQL wire protocol (PGlite socket)',
    async open() {
      const url = process.env.TEST_DATABASE_URL;
      return url ? openFreshPostgresDatabase(url) : openPGliteOverWire();
    },
  },
];

/** Creates a throw-away database on the server so test files never see each other's rows. */
export async function openFreshPostgresDatabase(adminUrl: string) {
  const name = `unplug_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: databaseUrl.toString(), dataDir: 'unused' });
  return {
    store,
    databaseUrl: databaseUrl.toString(),
    async cleanup() {
      await store.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

async function openPGliteOverWire() {
  const db = await openMemoryFromTemplate();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const databaseUrl = `postgres://postgres@${server.getServerConn()}/postgres`;
  // One PGlite is one session: a single pooled connection keeps transactions from interleaving.
  const store = await openStore({ databaseUrl, dataDir: 'unused', maxConnections: 1 });
  return {
    store,
    databaseUrl,
    async cleanup() {
      await store.close();
      await server.stop();
      await db.close();
    },
  };
}

/**
 * An empty in-memory PGlite (initdb done, no migration run), for tests of one migration. A new
 * PGlite runs initdb (about 5 s of CPU); this loads a dump of one instead, kept in the temp folder
 * per PGlite build (the same as `openMemoryFromTemplate` does for the migrated database).
 */
export async function openEmptyPGlite(): Promise<PGlite> {
  const file = path.join(os.tmpdir(), `unplug-pglite-empty-${await pgliteVersion()}.tar`);
  return openMemoryFromDump(file, undefined, () => PGlite.create('memory://'));
}

/**
 * Rows of a query written out in SQL, for tests that look at tables outside Unplug's schema (such
 * as pg-boss's `pgboss.job`), through the store's own Kysely.
 */
export async function rowsOf<Row>(db: Kysely<Database>, query: string): Promise<Row[]> {
  return (await sql.raw<Row>(query).execute(db)).rows;
}
