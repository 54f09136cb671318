import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the request line (ASCII; encode before). */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is; an array is sent chunk by chunk with no Content-Length (chunked encoding). */
  body?: Buffer | string | Buffer[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One HTTP request with full control of the bytes: any method, a body on any method, bodies that
 * are not valid UTF-8, chunked bodies of any size. Answers are read whole.
 */
export function send(base: string, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(base);
  const { body } = request;
  // Framing is explicit: Node's client sends a GET or DELETE body unframed otherwise.
  const framing: Record<string, string> = body === undefined ? {} : Array.isArray(body)
    ? { 'transfer-encoding': 'chunked' }
    : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, method: request.method, path: request.path, agent,
      headers: { ...framing, ...request.headers }, timeout: 20_000,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${request.method} ${request.path.slice(0, 80)} timed out`)));
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else {
      req.end(body);
    }
  });
}

/**
 * Bytes straight onto a socket, for requests no HTTP client will send (raw non-ASCII in the
 * request line, broken headers). Resolves with the status line's code and the body text.
 */
export function sendBytes(base: string, bytes: Buffer): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const headers: http.IncomingHttpHeaders = {};
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers, text: rest.join('\r\n\r\n') });
    });
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
