/**
 * An HTTPS front for the tab server, for the few things teams-js accepts only over https (the
 * authentication pop-up URL). A throwaway self-signed certificate for 127.0.0.1 is made with the
 * `openssl` command; the browser context that uses it must ignore certificate errors.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

export interface HttpsFront {
  url: string;
  close(): Promise<void>;
}

async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const { stdout } = await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', '-', '-out', '-',
  ]).catch((error: unknown) => {
    throw new Error(`the HTTPS front needs the openssl command to make a test certificate (${error instanceof Error ? error.message : String(error)})`);
  });
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(stdout)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(stdout)?.[0];
  if (!key || !cert) throw new Error('openssl gave no key and certificate');
  return { key, cert };
}

/** Forwards every request on https://127.0.0.1:<port> to `target` (http), streaming both ways. */
export async function startHttpsFront(target: string): Promise<HttpsFront> {
  const upstream = new URL(target);
  const server = https.createServer(await selfSignedCertificate(), (request, response) => {
    const forward = http.request({
      host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers,
    }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
