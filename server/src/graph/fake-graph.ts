import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support: a scripted stand-in for Graph on a real loopback listener (127.0.0.1:0). It
 * serves `<origin>/v1.0/...`, records every request, and answers with what the test's handler
 * returns. For behaviour the demo tenant does not script (a given inner 429, a malformed
 * payload, Microsoft's published answers).
 */
export interface RecordedGraphRequest {
  method: string;
  /** Relative to the version root, with the query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of `body`, to script malformed answers. */
  raw?: string;
}

export type FakeGraphHandler = (request: RecordedGraphRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeGraph {
  /** `http://127.0.0.1:<port>/v1.0`, the root to give the gateway. */
  root: string;
  requests: RecordedGraphRequest[];
  handle(handler: FakeGraphHandler): void;
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  let handler: FakeGraphHandler = () => ({ status: 500, body: { error: { code: 'noHandler', message: 'No answer scripted' } } });
  const requests: RecordedGraphRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = (req.url ?? '').replace(/^\/v1\.0/, '');
      let body: unknown = raw === '' ? undefined : raw;
      try {
        if (raw !== '') body = JSON.parse(raw);
      } catch {
        // keep the raw text: the test will see what was sent
      }
      const recorded: RecordedGraphRequest = { method: req.method ?? 'GET', url, headers: req.headers, body };
      requests.push(recorded);
      Promise.resolve(handler(recorded, requests.length - 1)).then(
        (answer) => {
          const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
          res.writeHead(answer.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...answer.headers }).end(payload);
        },
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}/v1.0`,
    requests,
    handle: (next) => {
      handler = next;
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
