import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { Context } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpHandler } from './http-handler';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      if (req.url === '/echo') {
        res.writeHead(201, { 'content-type': 'application/json', 'retry-after': '3' });
        res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
      } else if (req.url === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(zlib.gzipSync(JSON.stringify({ zipped: true })));
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/echo' }).end();
      } else if (req.url === '/hang') {
        // never answers
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function run(path: string, options: RequestInit = {}): Promise<Response> {
  const ctx = { request: `${base}${path}`, options } as Context;
  await new NodeHttpHandler().execute(ctx);
  return ctx.response!;
}

describe('NodeHttpHandler', () => {
  it('sends the method, headers and body, and answers with the status, headers and body', async () => {
    const res = await run('/echo', { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Retry-After')).toBe('3');
    expect(await res.json()).toEqual({ method: 'POST', auth: 'Bearer t', body: '{"a":1}' });
  });

  it('decodes a compressed body', async () => {
    const res = await run('/gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ zipped: true });
  });

  it('answers a 204 with no body, and follows a redirect as fetch does', async () => {
    expect((await run('/empty', { method: 'DELETE' })).status).toBe(204);
    const moved = await run('/moved');
    expect(moved.status).toBe(201);
    expect(await moved.json()).toMatchObject({ method: 'GET' });
  });

  it('gives up when the signal says so', async () => {
    await expect(run('/hang', { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  });

  it('refuses to reach a server that is not there', async () => {
    const ctx = { request: 'http://127.0.0.1:9/x', options: {} } as Context;
    await expect(new NodeHttpHandler().execute(ctx)).rejects.toThrow();
  });
});
