import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryFromTemplate } from '../../../server/src/store/store';
import { SerialPGliteServer } from './serial-pglite-server';

/**
 * The serial server's one session, shared by several connections: a client that goes away — in
 * its own transaction, in another's, or one that only asked to cancel — must leave it usable, and
 * a unit that waits too long for it must be answered with an error that says who holds it. Each
 * test has a database of its own, so that one stuck session cannot stop the others.
 */
let db: PGlite | undefined;
let server: SerialPGliteServer;
let url: string;
let reports: string[] = [];
const clients: { end(): Promise<void> }[] = [];

beforeAll(async () => { await (await openMemoryFromTemplate()).close(); }, 60_000); // the template, made once
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})));
  await within(5000, 'stopping the server', server.stop());
  await within(5000, 'closing PGlite', db!.close());
  db = undefined;
});

async function start(sessionWaitMs?: number): Promise<void> {
  db = await openMemoryFromTemplate();
  await db.exec('create table serial_note (n int)');
  reports = [];
  server = new SerialPGliteServer(db, { sessionWaitMs, report: (message) => reports.push(message) });
  url = await server.start();
}

async function connect(name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  client.on('error', () => {});
  clients.push(client);
  await within(5000, `connecting ${name}`, client.connect());
  return client;
}

/** The query's rows, or a failure naming what the session is stuck on after `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not return in ${ms} ms:\n${server.describe()}`)), ms);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

const count = async (client: pg.Client) => Number((await client.query<{ n: string }>('select count(*) as n from serial_note')).rows[0]!.n);

/** Resolves once the server has seen the socket close (its close handler runs after that). */
function closed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('SerialPGliteServer', () => {
  it('goes on when a client closes while another is inside a transaction', async () => {
    await start();
    const holder = await connect('holder');
    const leaver = await connect('leaver');
    await holder.query('begin');
    await holder.query('insert into serial_note values (1)');
    await leaver.end();
    await settle();
    await holder.query('commit');
    const next = await connect('next');
    expect(await within(5000, 'a query after the commit', count(next))).toBe(1);
  });

  it('rolls back the transaction of a client that dies inside it, and frees the session', async () => {
    await start();
    const dying = await connect('dying');
    const other = await connect('other');
    await dying.query('begin');
    await dying.query('insert into serial_note values (1)');
    const socket = (dying as unknown as { connection: { stream: net.Socket } }).connection.stream;
    socket.destroy();
    await closed(socket);
    expect(await within(5000, 'a query after the death', count(other))).toBe(0);
    expect(db!.isInTransaction()).toBe(false);
  });

  it('ignores a cancel request made during another client\'s transaction', async () => {
    await start();
    const holder = await connect('holder');
    await holder.query('begin');
    const cancel = net.connect(Number(new URL(url).port), '127.0.0.1');
    const request = Buffer.alloc(16);
    request.writeInt32BE(16, 0);
    request.writeInt32BE(80877102, 4);
    cancel.write(request);
    await closed(cancel);
    await settle();
    await holder.query('insert into serial_note values (1)');
    await holder.query('commit');
    const next = await connect('next');
    expect(await within(5000, 'a query after the cancel request', count(next))).toBe(1);
  });

  it('answers a unit that waited too long for the session with who holds it, and stays usable', async () => {
    await start(300);
    const holder = await connect('holder');
    const waiter = await connect('waiter');
    await holder.query('begin');
    await holder.query('select 42');
    const failed = await within(5000, 'the waiting query', waiter.query('select 1').then(() => undefined, (error: Error) => error));
    expect(failed?.message).toMatch(/connection #2 \(waiter\) waited 300 ms for the session to run "select 1" and gave up: connection #1 has held it for/);
    expect(failed?.message).toMatch(/held by connection #1 \(holder, 127\.0\.0\.1:\d+\) since [\d.]+ s ago, inside a transaction: idle; last ran "select 42"/);
    expect(reports).toEqual([failed?.message]);
    await holder.query('commit');
    expect((await within(5000, 'the next query', waiter.query('select 1 as one'))).rows).toEqual([{ one: 1 }]);
  });

  it('keeps the session to a client in the middle of an extended query (after a Flush, up to its Sync)', async () => {
    await start();
    const raw = await rawClient(Number(new URL(url).port));
    const other = await connect('other');
    // Parse, Bind, Execute one row of three, Flush: the portal is suspended, its query not over.
    raw.send(message('P', cstring(''), cstring('select generate_series(1, 3) as n'), int16(0)));
    raw.send(message('B', cstring(''), cstring(''), int16(0), int16(0), int16(0)));
    raw.send(message('E', cstring(''), int32(1)));
    raw.send(message('H'));
    expect(await raw.until('s')).toEqual(['1', '2', 'D', 's']); // ParseComplete, BindComplete, a row, PortalSuspended
    const query = other.query('select 7 as seven');
    await settle();
    raw.send(message('E', cstring(''), int32(0)));
    raw.send(message('S'));
    expect(await raw.until('Z')).toEqual(['D', 'D', 'C', 'Z']);
    expect((await within(5000, 'the other query', query)).rows).toEqual([{ seven: 7 }]);
    raw.send(message('X'));
  });
});

const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const int16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type), int32(4 + body.length), body]);
}

/** A wire-protocol client by hand (node-postgres sends a Flush only inside its cursors). */
async function rawClient(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = Buffer.alloc(0);
  let types: string[] = [];
  let waiter: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const type = String.fromCharCode(buffer[0]!);
      // An error is kept with its text, so that a test expecting other messages shows it. Left
      // out: ParameterStatus, which the shared session reports to whichever client runs next.
      if (type !== 'S') types.push(type === 'E' ? `E: ${buffer.subarray(5, 1 + buffer.readInt32BE(1)).toString().replace(/\0/g, ' ')}` : type);
      buffer = buffer.subarray(1 + buffer.readInt32BE(1));
    }
    waiter?.();
  });
  clients.push({ end: async () => { socket.destroy(); } });
  const raw = {
    send: (data: Buffer) => socket.write(data),
    /** The types of the messages received up to and including the first of type `last`. */
    until: (last: string) => within(5000, `the server's ${last}`, new Promise<string[]>((resolve) => {
      const look = () => {
        const at = types.findIndex((type) => type === last || type.startsWith('E'));
        if (at < 0) return;
        const got = types.slice(0, at + 1);
        types = types.slice(at + 1);
        waiter = undefined;
        resolve(got);
      };
      waiter = look;
      look();
    })),
  };
  const startup = Buffer.concat([int32(196608), cstring('user'), cstring('postgres'), cstring('database'), cstring('postgres'), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(4 + startup.length), startup]));
  await raw.until('Z');
  return raw;
}
