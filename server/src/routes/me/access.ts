import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Access, errorResponses } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';

/**
 * `GET /api/me/access`: what the caller may do, from their validated SSO token alone (no Graph, so
 * it answers before consent). The tab shows the admin page by this, never by reading the token.
 */
export async function accessRoute(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/access', {
    schema: { summary: 'What the caller may do (admin page or not)', tags: ['me'], security: [{ teamsSso: [] }], response: { 200: Access, ...errorResponses() } },
  }, async (request) => {
    const { caller } = requestAuth(request);
    return { tenantId: caller.tenantId, userId: caller.userId, isAdmin: caller.isAdmin };
  });
}
