import type { FastifyInstance } from 'fastify';

/**
 * The loopback base URL this server listens on, e.g. `http://127.0.0.1:3978`. In demo mode the
 * server reaches its own demo tenant (Graph, identity) through it, over real HTTP, exactly as it
 * reaches Microsoft 365 in production. Only known once the server listens.
 */
export function selfBaseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('The server is not listening yet, so its own URL is unknown (call app.listen first).');
  }
  const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : (address.address === '0.0.0.0' ? '127.0.0.1' : address.address);
  return `http://${host}:${address.port}`;
}
