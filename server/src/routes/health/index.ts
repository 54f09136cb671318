import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store';

/** `/healthz`: the process is up. `/readyz`: it can serve (the store answers). */
export async function healthRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready', store: store.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'store not reachable');
      return reply.code(503).send({ status: 'not_ready', store: store.kind, error: { code: 'store_unavailable', message: 'The database does not answer.' } });
    }
  });
}
