import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const decoders: Record<string, (data: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The last link of the Graph client's middleware chain: sends the request over `node:http(s)`
 * with kept-alive connections and hands the graph client a `Response`, instead of `fetch` (the
 * library's `HTTPMessageHandler`). Same answers; `fetch`'s stream machinery cost each Graph call
 * about twice the CPU (measured: 0.7 ms against 1.0–1.8 ms a request, 50 at a time), and a tab
 * open of 50 people at once is bound by the one JavaScript thread (`npm run bench -- cold`).
 * A redirect, or a request this handler does not know how to send, goes through `fetch` as before.
 */
export class NodeHttpHandler implements Middleware {
  async execute(ctx: Context): Promise<void> {
    const options = ctx.options ?? {};
    const body = bodyOf(options.body);
    if (typeof ctx.request !== 'string' || body === false) {
      ctx.response = await fetch(ctx.request, options);
      return;
    }
    const answer = await send(ctx.request, options.method ?? 'GET', headersOf(options.headers), body, options.signal ?? undefined);
    if (answer.status >= 300 && answer.status < 400) {
      ctx.response = await fetch(ctx.request, options);
      return;
    }
    ctx.response = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : new Uint8Array(answer.body), { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  }
}

/** A body this handler sends as it is; `false` for one it leaves to `fetch` (streams, forms). */
function bodyOf(body: RequestInit['body']): Buffer | string | undefined | false {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return false;
}

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

export interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

/** One request over `node:http(s)` with kept-alive connections; the body decoded (gzip, deflate, br). Rejects on a network failure or abort. */
export function send(url: string, method: string, headers: Record<string, string>, body: Buffer | string | undefined, signal: AbortSignal | undefined): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise<Answer>((resolve, reject) => {
    const request = client.request(target, { method, headers, agent, ...(signal ? { signal } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('The Graph response was cut off')));
      response.on('end', () => {
        const answerHeaders: [string, string][] = [];
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) answerHeaders.push([raw[i]!, raw[i + 1]!]);
        const data = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding']?.trim().toLowerCase();
        const decode = encoding ? decoders[encoding] : undefined;
        const done = (decoded: Buffer) => resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          // The body handed on is decoded, so its encoding and length no longer describe it.
          headers: decode ? answerHeaders.filter(([name]) => !/^(content-encoding|content-length)$/i.test(name)) : answerHeaders,
          body: decoded,
        });
        if (decode) decode(data).then(done, reject);
        else done(data);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
