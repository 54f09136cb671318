import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  /** Resolves when the database answers a query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string. Without it the embedded PGlite store is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, or `memory://`. */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** Opens the store and brings its schema up to date (one set of migrations for both backends). */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl, options.maxConnections ?? 10) : await openPGlite(options.dataDir);
  try {
    await migrate(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openPostgres(connectionString: string, max: number): Store {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // A dropped connection must not crash the process: the pool replaces it, and /readyz reports it.
  // The pool only listens to idle clients; one checked out when the server goes away emits its
  // error with no listener (an uncaught exception) unless it has its own. Its query fails anyway.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    ping: async () => { await sql`select 1`.execute(db); },
    close: () => db.destroy(),
  };
}

async function openPGlite(dataDir: string): Promise<Store> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const client = inMemory ? await openMemoryFromTemplate() : await PGlite.create(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    ping: async () => { await sql`select 1`.execute(db); },
    close: () => db.destroy(),
  };
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A new PGlite runs initdb (about 5 s here); loading a dump of an already migrated database takes
 * under 1 s. In-memory stores (tests, benchmarks) start from such a dump, kept in the temp folder
 * and keyed by the migrations it holds, so a new migration makes a new template.
 */
export async function openMemoryFromTemplate(): Promise<PGlite> {
  const names = Object.keys(await migrationProvider.getMigrations()).sort().join(',');
  const key = Buffer.from(names).toString('base64url').slice(-40);
  const file = path.join(os.tmpdir(), `unplug-pglite-template-${key}.tar`);
  const saved = await readFile(file).catch(() => undefined);
  if (saved) {
    try {
      return await PGlite.create('memory://', { loadDataDir: new Blob([saved]) });
    } catch {
      // A damaged template: fall through and make a new one.
    }
  }
  const client = await PGlite.create('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  await migrate(db);
  const dump = await client.dumpDataDir('none');
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return client;
}
