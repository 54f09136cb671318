/**
 * PGlite over PostgreSQL's wire protocol for *several* client connections at once (two server
 * processes and their pools). PGlite is one session: `@electric-sql/pglite-socket` runs each
 * message as it comes, so two clients' extended-protocol messages (Parse, Bind, Execute … Sync)
 * interleave and break each other ("bind message supplies 1 parameters, but prepared statement
 * requires 3"). This server runs a client's messages up to each Sync (or simple Query) as one
 * unit, and keeps the session to that client while it is inside a transaction — what a real
 * server's separate sessions give for free. Test support only.
 */
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

class SessionLock {
  private owner: symbol | undefined;
  private readonly waiting: { id: symbol; resume: () => void }[] = [];

  async acquire(id: symbol): Promise<void> {
    if (this.owner === undefined || this.owner === id) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resume) => this.waiting.push({ id, resume }));
  }

  release(id: symbol): void {
    if (this.owner !== id) return;
    const next = this.waiting.shift();
    this.owner = next?.id;
    next?.resume();
  }
}

export class SerialPGliteServer {
  private server: net.Server | undefined;
  private readonly lock = new SessionLock();
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly db: PGlite) {}

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

  private serve(socket: net.Socket): void {
    const id = Symbol('connection');
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();

    const run = (unit: Buffer) => {
      chain = chain.then(async () => {
        await this.lock.acquire(id);
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array(unit), {
            onRawData: (data) => { if (!socket.destroyed) socket.write(Buffer.from(data)); },
          }));
        } finally {
          // Inside a transaction the session stays this client's until it ends.
          if (!this.db.isInTransaction()) this.lock.release(id);
        }
      }).catch(() => { socket.destroy(); });
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
            socket.destroy();
            return;
          }
          started = true;
          run(Buffer.from(message));
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
          run(Buffer.concat(pending));
          pending = [];
        }
      }
    });

    socket.on('close', () => {
      this.sockets.delete(socket);
      chain = chain.then(async () => {
        // A client gone mid-transaction must not keep the session.
        if (!this.db.closed && this.db.isInTransaction()) {
          await this.lock.acquire(id);
          await this.db.runExclusive(() => this.db.exec('ROLLBACK')).catch(() => {});
        }
        this.lock.release(id);
      }).catch(() => {});
    });
    socket.on('error', () => socket.destroy());
  }
}
