import type { FastifyInstance } from 'fastify';
import type { DemoTenant } from './tenant';

const query = {
  type: 'object',
  required: ['userId'],
  additionalProperties: false,
  properties: { userId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * `GET /teams/activity?userId=<id or UPN>`: what a person's Teams activity feed shows — the
 * notifications apps sent them with `sendActivityNotification` — newest first. Demo only: Teams
 * has no such API; this lets a newcomer (and the tests) see the nudges Unplug sends.
 */
export async function teamsRoutes(app: FastifyInstance, { tenant }: { tenant: DemoTenant }): Promise<void> {
  app.get<{ Querystring: { userId: string } }>('/teams/activity', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const person = tenant.org.find(request.query.userId);
    if (!person) return reply.code(404).send({ error: { code: 'not_found', message: `No person '${request.query.userId}' in the demo organisation.` } });
    return { userId: person.id, value: tenant.activity.feed(person) };
  });
}
