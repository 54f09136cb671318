import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { AXE_SCRIPT_PATH, axeSource } from './axe';
import { ensureClientBuilt } from './client-build';
import { hostScriptJs } from './host-script-build';
import { startHttpsFront } from './https-front';
import { testClock, type TestClock } from '../../test-clock';

export interface TabServer {
  /** Where the browser opens the tab: `http://127.0.0.1:<port>` (or https with the `https` option), no trailing slash. */
  url: string;
  /** The server itself over plain http, for calls from the tests (Node does not trust the test certificate). */
  httpUrl: string;
  /** The server's (and its demo tenant's) clock. */
  clock: TestClock;
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface TabServerOptions {
  /** Extra environment for `loadConfig` (on top of an in-memory store, port 0 and silent logs). */
  env?: Record<string, string>;
  /** Adds test-only routes or hooks to the app before it listens. */
  beforeListen?(app: FastifyInstance): void | Promise<void>;
  /**
   * Serve over https (a front with a throwaway certificate): `url` is then https. Needed where
   * teams-js insists on https (authentication pop-ups); use a context with `ignoreHTTPSErrors`.
   */
  https?: boolean;
}

export const HOST_PAGE_PATH = '/__test/host.html';
const HOST_SCRIPT_PATH = '/__test/host.js';

const HOST_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Test Teams host</title>
  <style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; flex-direction: column; font: 12px sans-serif; }
    header { padding: 4px 8px; background: #464775; color: #fff; }
    iframe { flex: 1; border: 0; width: 100%; }
  </style>
</head>
<body>
  <header>Test Teams host</header>
  <script type="module" src="${HOST_SCRIPT_PATH}"></script>
</body>
</html>`;

/**
 * The real server (built client, real routes, in-memory store) on 127.0.0.1 with a random port,
 * plus the test Teams host page and axe-core (for accessibility checks) on the same origin as the tab.
 */
export async function startTabServer(options: TabServerOptions = {}): Promise<TabServer> {
  const clock = testClock();
  const [script] = await Promise.all([hostScriptJs(), ensureClientBuilt()]);
  const config = loadConfig({ DATA_DIR: 'memory://', PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  // A fixed start for the server and its demo tenant (the browser's clock is set to it too, see
  // browser-suite.ts): what the tab shows never depends on the hour the suite runs at.
  const app = await buildApp(config, { now: clock.now, demoClock: clock.ms });
  try {
    app.get(HOST_PAGE_PATH, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(HOST_PAGE));
    app.get(HOST_SCRIPT_PATH, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-store').send(script));
    app.get(AXE_SCRIPT_PATH, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(axeSource()));
    await options.beforeListen?.(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (!options.https) return { url, httpUrl: url, clock, app, close: () => app.close() };
  const front = await startHttpsFront(url).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return { url: front.url, httpUrl: url, clock, app, close: async () => {
    await front.close();
    await app.close();
  } };
}
