import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EraseResponse, errorResponses, ExportResponse } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { personKey } from '../../services/person-calendar';
import { privacyRepository } from '../../store/repositories/privacy-repository';
import type { ApiContext } from '../api';

/** `GET /api/me/export` and `DELETE /api/me/data`: everything stored about the caller, out or gone. */
export async function privacyRoutes(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/export', {
    schema: {
      summary: 'Everything Unplug stores about the caller, as JSON',
      tags: ['privacy'], security: [{ teamsSso: [] }],
      response: {
        200: ExportResponse,
        ...errorResponses(),
      },
    },
  }, async (request, reply) => {
    const { caller } = requestAuth(request);
    const tables = await privacyRepository(ports.store.db).export({ tenantId: caller.tenantId, userId: caller.userId });
    reply.header('Content-Disposition', 'attachment; filename="unplug-export.json"');
    return {
      exportedAt: ports.now().toISOString(),
      tenantId: caller.tenantId,
      userId: caller.userId,
      notStored: ['event subjects, bodies, attendees or locations', 'message content', 'access tokens'],
      tables,
    };
  });

  api.delete('/data', {
    schema: {
      summary: 'Erase everything Unplug stores about the caller (calendar events it booked stay in Outlook)',
      tags: ['privacy'], security: [{ teamsSso: [] }],
      response: { 200: EraseResponse, ...errorResponses() },
    },
  }, async (request) => {
    const auth = requestAuth(request);
    const erased = await privacyRepository(ports.store.db).erase({ tenantId: auth.caller.tenantId, userId: auth.caller.userId });
    cache.invalidatePerson(personKey(auth));
    return { erased };
  });
}
