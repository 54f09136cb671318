import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** How long writes wait for others of their kind before going out together. */
export const WRITE_BEHIND_MS = 250;
/** At most this many entries in one statement. */
const MAX_ROWS = 500;

type ErrorHandler = (error: unknown, kind: string) => void;

interface Registry {
  queues: Set<DeferredWrites<never>>;
  onError: ErrorHandler;
}

const registries = new WeakMap<Kysely<Database>, Registry>();

function registryOf(db: Kysely<Database>): Registry {
  let registry = registries.get(db);
  if (!registry) {
    registry = { queues: new Set(), onError: (error, kind) => console.error(`A deferred store write (${kind}) failed:`, error) };
    registries.set(db, registry);
  }
  return registry;
}

/**
 * Writes no answer waits for — the week's balance snapshot (team figures, nudges), the working
 * hours a tab load saw (the automatic status job) — gathered for `WRITE_BEHIND_MS` and written in
 * one statement: fifty people opening the tab at once cost a few upserts instead of fifty, and
 * none of them delays an answer. Whatever reads those tables calls `settleWrites(db)` first, so it
 * sees every write made before on this instance; other instances see them within the delay, as
 * they see anything written here. A failed write is reported (`onWriteError`), not thrown at a
 * request that has long been answered.
 */
export class DeferredWrites<E> {
  private pending: E[] = [];
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>, private readonly kind: string, private readonly write: (entries: readonly E[]) => Promise<void>, private readonly delayMs = WRITE_BEHIND_MS) {
    registryOf(db).queues.add(this as unknown as DeferredWrites<never>);
  }

  /** Queues an entry; resolves once it is written (or its write failed and was reported). Never rejects. */
  add(entry: E): Promise<void> {
    this.pending.push(entry);
    const written = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.delayMs);
      this.timer.unref();
    }
    return written;
  }

  /** Writes what is queued now, after any write already running; resolves when all are done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const entries = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.running = this.running.then(async () => {
      try {
        for (let i = 0; i < entries.length; i += MAX_ROWS) await this.write(entries.slice(i, i + MAX_ROWS));
      } catch (error) {
        registryOf(this.db).onError(error, this.kind);
      } finally {
        for (const resolve of waiters) resolve();
      }
    });
    return this.running;
  }
}

/** Writes every deferred write queued for this database and waits for them: call before reading what they write. */
export async function settleWrites(db: Kysely<Database>): Promise<void> {
  const registry = isKey(db) ? registries.get(db) : undefined;
  if (registry) await Promise.all([...registry.queues].map((queue) => queue.flush()));
}

/** Where a failed deferred write is reported (default: the console). */
export function onWriteError(db: Kysely<Database>, handler: ErrorHandler): void {
  if (isKey(db)) registryOf(db).onError = handler;
}

/** A stand-in store without a database (a test's broken store) has nothing to write. */
const isKey = (db: unknown): db is Kysely<Database> => typeof db === 'object' && db !== null;
