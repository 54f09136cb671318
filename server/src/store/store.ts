import { access, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from './pglite-dialect';
import { migrationProvider } from './migrations';
import type { Database } from './schema';
import { packFolder, unpackInto } from './template-archive';
import { repoRoot } from '../config';

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
  /** Where the migrated template `npm run build` makes is (tests put one elsewhere). Default `BUILT_TEMPLATE`. */
  template?: TemplateLocation;
}

/** Opens the store and brings its schema up to date (one set of migrations for both backends). */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.maxConnections ?? 10) : await openPGlite(options.dataDir, options.template ?? BUILT_TEMPLATE);
  try {
    await migrate(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function openPostgres(connectionString: string, max: number): Promise<Store> {
  // Loaded here: a server on the embedded store never needs pg (its module costs start-up time).
  const { default: pg } = await import('pg');
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

async function openPGlite(dataDir: string, template: TemplateLocation): Promise<Store> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const client = inMemory ? await openMemoryFromTemplate() : await openOnDisk(dataDir, template);
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
 * A data folder of its own: resumed when it holds a database; otherwise unpacked from the migrated
 * template `npm run build` made (`server/dist/pglite-template.tar.gz`), or, without one for these
 * migrations and this PGlite (a server run from its sources), copied from a migrated template
 * folder in the temp folder. Either is instead of initdb + migrations (about 5 s, and inside
 * PGlite a second PostgreSQL instance and a tar of the data folder in memory, which stay in the
 * process until the garbage collector happens to run; an idle server may not run it for a long
 * time: 340–350 MB idle after a first start that ran initdb, against 215 MB after one that did not).
 */
async function openOnDisk(dataDir: string, template: TemplateLocation): Promise<PGlite> {
  if (!await holdsDatabase(dataDir)) {
    const built = await builtTemplate(template);
    // PG_VERSION is the archive's last entry: a start interrupted while unpacking unpacks again.
    if (built) await unpackInto(built, dataDir);
    else await cp(await migratedTemplateFolder(), dataDir, { recursive: true, filter: (source) => path.basename(source) !== TEMPLATE_MARK });
  }
  return PGlite.create(dataDir, { postgresqlconf: PGLITE_SETTINGS });
}

/** A migrated template: the archive, and a manifest of what it was made from. */
export interface TemplateLocation { archive: string; manifest: string }

/** Where `npm run build` writes the migrated template. */
export const BUILT_TEMPLATE: TemplateLocation = {
  archive: path.join(repoRoot, 'server', 'dist', 'pglite-template.tar.gz'),
  manifest: path.join(repoRoot, 'server', 'dist', 'pglite-template.json'),
};

interface TemplateManifest { migrations: string[]; pglite: string }

async function currentManifest(): Promise<TemplateManifest> {
  return { migrations: Object.keys(await migrationProvider.getMigrations()).sort(), pglite: await pgliteVersion() };
}

/** The installed PGlite's version: a template or dump made by another build is not used. */
export async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

const sameManifest = (a: TemplateManifest, b: TemplateManifest) => a.pglite === b.pglite && a.migrations.join('\n') === b.migrations.join('\n');

async function readManifest(location: TemplateLocation): Promise<TemplateManifest | undefined> {
  try {
    const read = JSON.parse(await readFile(location.manifest, 'utf8')) as Partial<TemplateManifest> | null;
    return Array.isArray(read?.migrations) && typeof read.pglite === 'string' ? { migrations: read.migrations.map(String), pglite: read.pglite } : undefined;
  } catch {
    return undefined; // none, or not JSON: not a template to use
  }
}

/** The built template's archive when there is one for these migrations and this PGlite. */
export async function builtTemplate(location: TemplateLocation): Promise<string | undefined> {
  const built = await readManifest(location);
  if (!built || !sameManifest(built, await currentManifest())) return undefined;
  return await access(location.archive).then(() => location.archive, () => undefined);
}

/**
 * `npm run build`: writes the migrated template (a data folder made by initdb + migrations, closed
 * cleanly, as a gzipped tar) and its manifest, unless the ones there are for these migrations and
 * this PGlite already. Returns whether it wrote them.
 */
export async function writeBuiltTemplate(location: TemplateLocation = BUILT_TEMPLATE): Promise<boolean> {
  if (await builtTemplate(location)) return false;
  const wanted = await currentManifest();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'unplug-pglite-build-'));
  try {
    // The machine's migrated template folder (made once by initdb + migrations, by the first start
    // or build here), copied: a second build on this machine (another clone, another Node, the
    // container's replay) does not run initdb again.
    await cp(await migratedTemplateFolder(), path.join(folder, 'data'), { recursive: true, filter: (source) => path.basename(source) !== TEMPLATE_MARK });
    await mkdir(path.dirname(location.archive), { recursive: true });
    const partial = `${location.archive}.${process.pid}.tmp`;
    await packFolder(path.join(folder, 'data'), partial, 'PG_VERSION');
    await rename(partial, location.archive);
    await writeFile(location.manifest, `${JSON.stringify(wanted, null, 2)}\n`);
    return true;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
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
 * initdb's options for the in-memory template: WAL segments of 1 MB instead of 16 MB (one such,
 * mostly zeros, was in the dump every in-memory store unpacks): on its own, a dump of 31.7 MB
 * instead of 41.1 MB, about 0.1 s less CPU a store (0.52 → 0.38 s measured); the template below is
 * smaller again. Data folders on disk keep the default.
 */
const MEMORY_INITDB = ['--wal-segsize=1'];

/**
 * While the in-memory template is made: PostgreSQL keeps (recycles) at most 2 MB of WAL segments
 * after a checkpoint, instead of every segment migrating filled (7 MB in the dump).
 */
const MEMORY_TEMPLATE_WAL = ['min_wal_size = 2MB', 'max_wal_size = 4MB'];

/**
 * A new PGlite runs initdb (about 5 s here); loading a dump of an already migrated database takes
 * under 1 s. In-memory stores (tests, benchmarks) start from such a dump, kept in the temp folder
 * and keyed by the migrations it holds, so a new migration makes a new template.
 *
 * The dump holds only the `postgres` database Unplug uses: initdb's `template0` and `template1`
 * (7.4 MB each, there for CREATE DATABASE, which Unplug never runs) are dropped, and so is the
 * recycled WAL. 15 MB instead of 32 MB, which every in-memory store unpacks: about 0.4 s of CPU
 * instead of 0.8 s a store (a test run opens dozens). Data folders on disk keep every database.
 */
export async function openMemoryFromTemplate(): Promise<PGlite> {
  const file = path.join(os.tmpdir(), `unplug-pglite-template-${await migrationsKey()}-slim.tar`);
  return openMemoryFromDump(file, PGLITE_SETTINGS, async () => {
    const client = await PGlite.create('memory://', { initDbStartParams: MEMORY_INITDB, postgresqlconf: [...PGLITE_SETTINGS, ...MEMORY_TEMPLATE_WAL] });
    await migrate(new Kysely<Database>({ dialect: new PGliteDialect(client) }));
    await client.exec('ALTER DATABASE template0 IS_TEMPLATE false; ALTER DATABASE template1 IS_TEMPLATE false;');
    await client.exec('DROP DATABASE template0');
    await client.exec('DROP DATABASE template1');
    await client.exec('CHECKPOINT');
    return client;
  });
}

/**
 * An in-memory PGlite loaded from the dump in `file`; when there is none or it is damaged, the
 * one `make` opens, its dump saved there for next time (written whole, then renamed into place).
 */
export async function openMemoryFromDump(file: string, settings: string[] | undefined, make: () => Promise<PGlite>): Promise<PGlite> {
  const saved = await templateBytes(file);
  if (saved) {
    try {
      return await PGlite.create('memory://', { loadDataDir: new TemplateTar(saved), ...(settings ? { postgresqlconf: settings } : {}) });
    } catch {
      // A damaged dump: fall through and make a new one.
      retained.delete(file);
    }
  }
  const client = await make();
  const dump = await client.dumpDataDir('none');
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return client;
}

/** Template archives kept in memory, by file, once `retainMemoryTemplate` is called. */
const retained = new Map<string, Promise<Uint8Array | undefined>>();
let retaining = false;

/**
 * Keeps the in-memory stores' template (15 MB) in this process after the first store instead of
 * reading it again for every one: for processes that open many stores (the test workers, where
 * this was about 0.4 s of CPU time a store). A server opens one store, and does not keep it.
 */
export function retainMemoryTemplate(): void {
  retaining = true;
}

function templateBytes(file: string): Promise<Uint8Array | undefined> {
  const read = () => readFile(file).catch(() => undefined);
  if (!retaining) return read();
  let bytes = retained.get(file);
  if (!bytes) retained.set(file, bytes = read());
  return bytes;
}

/**
 * The archive as PGlite's `loadDataDir` reads it (`arrayBuffer()` only): a copy of the bytes in
 * hand, without first copying them into a Blob's storage and streaming them out again.
 */
class TemplateTar extends Blob {
  constructor(private readonly archive: Uint8Array) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.archive.slice().buffer);
  }
}
