import { access, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
  const client = inMemory ? await openMemoryFromTemplate() : await openOnDisk(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    ping: async () => { await sql`select 1`.execute(db); },
    close: () => db.destroy(),
  };
}

/**
 * PostgreSQL's defaults size its shared memory for a server of its own: 128 MB of shared buffers
 * alone, all of it inside PGlite's WebAssembly memory, most of it touched at start (measured:
 * 286 MB RSS for an opened PGlite with the defaults, 167 MB with 8 MB of buffers). Unplug's store
 * is small (settings, states, weekly snapshots, presence intervals), and the operating system
 * caches the data folder's files anyway.
 */
const PGLITE_SETTINGS = ['shared_buffers = 8MB', 'wal_buffers = 256kB', 'temp_buffers = 1MB'];

/**
 * A data folder of its own: resumed when it holds a database; otherwise a copy of the migrated
 * template folder, instead of initdb + migrations (about 5 s, and inside PGlite a second
 * PostgreSQL instance and a tar of the data folder in memory, which stay in the process until the
 * garbage collector happens to run; an idle server may not run it for a long time).
 */
async function openOnDisk(dataDir: string): Promise<PGlite> {
  if (!await holdsDatabase(dataDir)) {
    await cp(await migratedTemplateFolder(), dataDir, { recursive: true, filter: (source) => path.basename(source) !== TEMPLATE_MARK });
  }
  return PGlite.create(dataDir, { postgresqlconf: PGLITE_SETTINGS });
}

const TEMPLATE_MARK = 'unplug-template-complete';
const holdsDatabase = (dir: string) => access(path.join(dir, 'PG_VERSION')).then(() => true, () => false);

/** The migrated template as a data folder in the temp folder, made (initdb + migrations) by the first start on this machine. */
async function migratedTemplateFolder(): Promise<string> {
  const folder = path.join(os.tmpdir(), `unplug-pglite-template-${await migrationsKey()}`);
  const complete = path.join(folder, TEMPLATE_MARK);
  if (await access(complete).then(() => true, () => false)) return folder;
  const partial = `${folder}.${process.pid}.tmp`;
  await rm(partial, { recursive: true, force: true });
  const client = await PGlite.create(partial, { postgresqlconf: PGLITE_SETTINGS });
  try {
    await migrate(new Kysely<Database>({ dialect: new PGliteDialect(client) }));
  } finally {
    await client.close();
  }
  await writeFile(path.join(partial, TEMPLATE_MARK), '');
  // A folder appears whole (renamed after its mark is written). If another process made it
  // meanwhile, the rename fails and theirs, as good, is used: never replace one in use.
  try {
    await rename(partial, folder);
  } catch {
    await rm(partial, { recursive: true, force: true });
    if (!await access(complete).then(() => true, () => false)) throw new Error(`The embedded store's template folder ${folder} is incomplete: delete it and start again.`);
  }
  return folder;
}

async function migrationsKey(): Promise<string> {
  const names = Object.keys(await migrationProvider.getMigrations()).sort().join(',');
  return Buffer.from(names).toString('base64url').slice(-40);
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
  const file = path.join(os.tmpdir(), `unplug-pglite-template-${await migrationsKey()}.tar`);
  const saved = await readFile(file).catch(() => undefined);
  if (saved) {
    try {
      return await PGlite.create('memory://', { loadDataDir: new Blob([saved]), postgresqlconf: PGLITE_SETTINGS });
    } catch {
      // A damaged template: fall through and make a new one.
    }
  }
  const client = await PGlite.create('memory://', { postgresqlconf: PGLITE_SETTINGS });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  await migrate(db);
  const dump = await client.dumpDataDir('none');
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return client;
}
