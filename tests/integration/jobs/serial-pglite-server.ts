/**
 * PGlite over PostgreSQL's wire protocol for *several* client connections at once (two server
 * processes and their pools). PGlite is one session: `@electric-sql/pglite-socket` runs each
 * message as it comes, so two clients' extended-protocol messages (Parse, Bind, Execute … Sync)
 * interleave and break each other ("bind message supplies 1 parameters, but prepared statement
 * requires 3"). This server runs a client's messages up to each Sync (or simple Query) as one
 * unit, and keeps the session to that client while it is inside a transaction — what a real
 * server's separate sessions give for free. Test support only.
 *
 * One session for everyone means one stuck client stops them all. So nothing waits without end:
 * a unit that has waited `sessionWaitMs` for the session is answered with an error that says who
 * holds it, since when and doing what (`describe()` gives the same picture at any time), and is
 * printed to the test's output too (a server process's error would only reach its own log).
 */
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export interface SerialPGliteServerOptions {
  /** How long a unit waits for the session before it is answered with an error. Default 30 s. */
  sessionWaitMs?: number;
  /** Where a unit that waited too long is reported besides its client. Default `console.error`. */
  report?: (message: string) => void;
}

/** One client connection, as `describe()` and the errors show it. */
interface Connection {
  readonly number: number;
  readonly peer: string;
  application: string;
  /** Units received and not finished (waiting for the session, or running). */
  queued: number;
  /** The unit running now, and since when. */
  running: { what: string; since: number } | undefined;
  /** Since when it has been waiting for the session, for which unit. */
  waiting: { what: string; since: number } | undefined;
  /** The last unit it finished, and when. */
  last: { what: string; at: number } | undefined;
  closedAt: number | undefined;
}

class SessionWaitTimeout extends Error {}

class SessionLock {
  owner: Connection | undefined;
  /** Since when the owner has held the session. */
  since = 0;
  readonly waiting: { connection: Connection; resume: () => void }[] = [];

  /** Resolves when `connection` holds the session; rejects after `timeoutMs` with `explain()`. */
  async acquire(connection: Connection, timeoutMs: number, explain: () => string): Promise<void> {
    if (this.owner === undefined || this.owner === connection) {
      if (this.owner === undefined) this.since = Date.now();
      this.owner = connection;
      return;
    }
    await new Promise<void>((resume, reject) => {
      const entry = {
        connection,
        resume: () => {
          clearTimeout(timer);
          resume();
        },
      };
      const timer = setTimeout(() => {
        const message = explain();
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(new SessionWaitTimeout(message));
      }, timeoutMs);
      this.waiting.push(entry);
    });
  }

  release(connection: Connection): void {
    if (this.owner !== connection) return;
    const next = this.waiting.shift();
    this.owner = next?.connection;
    this.since = Date.now();
    next?.resume();
  }
}

/** The messages of a unit, for people: the SQL of a Query or Parse, else the message types. */
function summarize(unit: Buffer, startup: boolean): string {
  if (startup) return 'its start-up message';
  const types: string[] = [];
  for (let at = 0; at + 5 <= unit.length; at += 1 + unit.readInt32BE(at + 1)) {
    const type = String.fromCharCode(unit[at]!);
    if (type === 'Q' || type === 'P') {
      // Query: the text; Parse: a statement name, then the text.
      let text = unit.subarray(at + 5, at + 1 + unit.readInt32BE(at + 1)).toString('utf8');
      if (type === 'P') text = text.slice(text.indexOf('\0') + 1);
      text = text.slice(0, text.indexOf('\0') >= 0 ? text.indexOf('\0') : undefined).replace(/\s+/g, ' ').trim();
      return `"${text.length > 120 ? `${text.slice(0, 120)}…` : text}"`;
    }
    types.push(type);
  }
  return `messages ${types.join('')}`;
}

function errorResponse(code: string, message: string, severity = 'ERROR'): Buffer {
  const fields = Buffer.from(`S${severity}\0V${severity}\0C${code}\0M${message}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const READY_FOR_QUERY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z', length 5, 'I'

export class SerialPGliteServer {
  private server: net.Server | undefined;
  private readonly lock = new SessionLock();
  private readonly sockets = new Set<net.Socket>();
  private readonly connections = new Set<Connection>();
  private opened = 0;
  private readonly sessionWaitMs: number;
  private readonly report: (message: string) => void;

  constructor(private readonly db: PGlite, options: SerialPGliteServerOptions = {}) {
    this.sessionWaitMs = options.sessionWaitMs ?? 30_000;
    this.report = options.report ?? ((message) => console.error(message));
  }

  async start(): Promise<string> {
    await this.db.waitReady;
    this.server = net.createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as net.AddressInfo;
    return `postgres://postgres@127.0.0.1:${address.port}/postgres`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Who holds the session, since when and doing what, who waits for it, and every connection. */
  describe(): string {
    const now = Date.now();
    const ago = (at: number) => `${((now - at) / 1000).toFixed(1)} s ago`;
    const name = (c: Connection) => `#${c.number} (${c.application || 'no application_name'}, ${c.peer}${c.closedAt ? `, closed ${ago(c.closedAt)}` : ''})`;
    const doing = (c: Connection) => {
      if (c.running) return `running ${c.running.what} since ${ago(c.running.since)}`;
      if (c.waiting) return `waiting for the session since ${ago(c.waiting.since)} to run ${c.waiting.what}`;
      return `idle${c.last ? `; last ran ${c.last.what}, ${ago(c.last.at)}` : ''}`;
    };
    const owner = this.lock.owner;
    const lines = [
      owner
        ? `The session is held by connection ${name(owner)} since ${ago(this.lock.since)}, ${this.inTransaction() ? 'inside a transaction' : 'outside a transaction'}: ${doing(owner)}.`
        : `The session is free${this.inTransaction() ? ' (yet inside a transaction)' : ''}.`,
      `Waiting for it: ${this.lock.waiting.map((w) => name(w.connection)).join(', ') || 'none'}.`,
      'Connections:',
      ...[...this.connections].map((c) => `  ${name(c)}, ${c.queued} unit(s) queued: ${doing(c)}`),
    ];
    return lines.join('\n');
  }

  private inTransaction(): boolean {
    return !this.db.closed && this.db.isInTransaction();
  }

  private serve(socket: net.Socket): void {
    const connection: Connection = {
      number: (this.opened += 1),
      peer: `${socket.remoteAddress}:${socket.remotePort}`,
      application: '',
      queued: 0,
      running: undefined,
      waiting: undefined,
      last: undefined,
      closedAt: undefined,
    };
    this.connections.add(connection);
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();
    /** Its last unit ended with a Flush: it holds the session up to its Sync. */
    let midExtendedQuery = false;

    const run = (unit: Buffer, kind: 'startup' | 'S' | 'Q' | 'H') => {
      const what = summarize(unit, kind === 'startup');
      connection.queued += 1;
      chain = chain.then(async () => {
        connection.waiting = { what, since: Date.now() };
        try {
          await this.lock.acquire(connection, this.sessionWaitMs, () => {
            const holder = this.lock.owner;
            return `SerialPGliteServer: connection #${connection.number} (${connection.application || 'no application_name'}) waited ${this.sessionWaitMs} ms for the session to run ${what}`
              + `${holder ? ` and gave up: connection #${holder.number} has held it for ${((Date.now() - this.lock.since) / 1000).toFixed(1)} s` : ''}.\n${this.describe()}`;
          });
        } catch (error) {
          if (!(error instanceof SessionWaitTimeout)) throw error;
          this.report(error.message);
          // Answered as PostgreSQL answers a failed unit; at start-up, or in the middle of an
          // extended query (Flush), the connection ends after the error.
          if (socket.destroyed) return;
          socket.write(errorResponse('55P03', error.message, kind === 'startup' ? 'FATAL' : 'ERROR'));
          if (kind === 'S' || kind === 'Q') socket.write(READY_FOR_QUERY_IDLE);
          else socket.end();
          return;
        } finally {
          connection.waiting = undefined;
        }
        connection.running = { what, since: Date.now() };
        midExtendedQuery = kind === 'H';
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array(unit), {
            onRawData: (data) => { if (!socket.destroyed) socket.write(Buffer.from(data)); },
          }));
        } finally {
          connection.running = undefined;
          connection.last = { what, at: Date.now() };
          // Inside a transaction the session stays this client's until it ends; so it does in
          // the middle of an extended query (up to its Sync), where PostgreSQL has not ended the
          // statement's implicit transaction yet (isInTransaction() only sees transaction blocks).
          if (kind !== 'H' && !this.inTransaction()) this.lock.release(connection);
        }
      }).catch(() => { socket.destroy(); }).finally(() => { connection.queued -= 1; });
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            // Not supported (PGlite runs one statement at a time to its end): the connection that
            // asked simply ends; it never ran anything, so it never held the session.
            connection.application = 'a cancel request';
            socket.destroy();
            return;
          }
          started = true;
          connection.application = /\0application_name\0([^\0]*)\0/.exec(message.toString('utf8'))?.[1] ?? '';
          run(Buffer.from(message), 'startup');
          continue;
        }
        if (buffer.length < 5) return;
        const total = 1 + buffer.readInt32BE(1);
        if (buffer.length < total) return;
        const type = String.fromCharCode(buffer[0]!);
        const message = Buffer.from(buffer.subarray(0, total));
        buffer = buffer.subarray(total);
        if (type === 'X') {
          socket.end();
          return;
        }
        pending.push(message);
        if (type === 'S' || type === 'Q' || type === 'H') {
          run(Buffer.concat(pending), type);
          pending = [];
        }
      }
    });

    socket.on('close', () => {
      this.sockets.delete(socket);
      connection.closedAt = Date.now();
      // After the units it sent (as PostgreSQL runs what it received before it notices the
      // client is gone). Only the client that holds the session has anything to give back: a
      // transaction of its own to roll back. Any other's close must not touch the session — nor
      // wait for it: the transaction then open is someone else's.
      chain = chain.then(async () => {
        if (this.lock.owner !== connection) return;
        connection.running = { what: 'what its close gives back (the end of its extended query, its transaction)', since: Date.now() };
        try {
          // Its extended query ended (the Sync it never sent), then its transaction rolled back.
          if (midExtendedQuery && !this.db.closed) {
            await this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array([0x53, 0, 0, 0, 4]), { onRawData: () => {} }));
          }
          // Not inside runExclusive: exec takes PGlite's query mutex itself, and waiting for a
          // mutex one holds never ends (every later unit of every client would wait behind it).
          if (this.inTransaction()) await this.db.exec('ROLLBACK');
        } finally {
          connection.running = undefined;
          this.lock.release(connection);
        }
      }).catch(() => {}).finally(() => { this.connections.delete(connection); });
    });
    socket.on('error', () => socket.destroy());
  }
}
