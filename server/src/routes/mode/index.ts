import type { FastifyInstance } from 'fastify';

export type ServerMode = 'demo' | 'microsoft365';

/**
 * `GET /mode` (no token: the tab asks before it knows where it runs). In Microsoft 365 mode the
 * tab must never fall back to the demo tenant when Teams is slow to answer; it waits longer and
 * says so instead.
 */
export async function modeRoute(app: FastifyInstance, { mode }: { mode: ServerMode }): Promise<void> {
  app.get('/mode', {
    schema: {
      summary: 'Which platform this server runs against: the demo tenant or Microsoft 365',
      tags: ['tab'],
      response: { 200: { type: 'object', required: ['mode'], properties: { mode: { type: 'string', enum: ['demo', 'microsoft365'] } } } },
    },
  }, async (_request, reply) => reply.header('Cache-Control', 'no-cache').send({ mode }));
}
