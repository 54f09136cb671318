/**
 * A database for fault tests, behind a TCP proxy the test controls: `cut()` drops every
 * connection and refuses new ones (the database is down, as far as the app can tell), `restore()`
 * listens again on the same port. The database is PostgreSQL when `TEST_DATABASE_URL` is set (a
 * throw-away database on that server), otherwise PGlite served over PostgreSQL's wire protocol.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { openMemoryFromTemplate } from '../../../../server/src/store/store';

export interface TcpProxy {
  port: number;
  /** Connections currently open through the proxy. */
  open(): number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    const next = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      const pair = [client, upstream];
      for (const s of pair) sockets.add(s);
      const drop = () => {
        for (const s of pair) {
          s.destroy();
          sockets.delete(s);
        }
      };
      client.pipe(upstream);
      upstream.pipe(client);
      for (const s of pair) {
        s.on('error', drop);
        s.on('close', drop);
      }
    });
    next.once('error', reject);
    next.listen(port, '127.0.0.1', () => {
      port = (next.address() as AddressInfo).port;
      server = next;
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (!server) return resolve();
    server.close(() => resolve());
    server = undefined;
  });
  await listen();
  return {
    get port() { return port; },
    open: () => sockets.size / 2,
    cut: stop,
    restore: listen,
    close: stop,
  };
}

export interface ProxiedDatabase {
  kind: 'postgres' | 'pglite-socket';
  /** The connection string through the proxy (what the app is given). */
  url: string;
  proxy: TcpProxy;
  /** Pool size that suits the backend (one PGlite is one session). */
  maxConnections: number;
  close(): Promise<void>;
}

let counter = 0;

export async function startProxiedDatabase(): Promise<ProxiedDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (adminUrl) {
    const name = `unplug_reliability_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`).finally(() => admin.end());
    const direct = new URL(adminUrl);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const url = new URL(adminUrl);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    url.pathname = `/${name}`;
    return {
      kind: 'postgres', url: url.toString(), proxy, maxConnections: 4,
      async close() {
        await proxy.close();
        const again = new pg.Client({ connectionString: adminUrl });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`).finally(() => again.end());
      },
    };
  }
  const db = await openMemoryFromTemplate();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const [host = '127.0.0.1', port = '0'] = server.getServerConn().split(':');
  const proxy = await startTcpProxy({ host, port: Number(port) });
  return {
    kind: 'pglite-socket', url: `postgres://postgres@127.0.0.1:${proxy.port}/postgres`, proxy, maxConnections: 1,
    async close() {
      await proxy.close();
      await server.stop();
      await db.close();
    },
  };
}
