import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** The OpenAPI document of every route with a schema, browsable at `/docs` (JSON at `/docs/json`). */
export async function openApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Unplug API', version: '0.1.0', description: 'The API behind the Unplug tab. Every /api route needs `Authorization: Bearer <Teams SSO token>`.' },
      components: { securitySchemes: { teamsSso: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });
}
