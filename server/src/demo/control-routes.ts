import type { FastifyInstance } from 'fastify';
import { faultProblems, type DemoFaultSettings } from './faults';
import type { DemoTenant } from './tenant';

const faultsBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    latencyMs: { type: 'integer', minimum: 0, maximum: 60_000 },
    rate429: { type: 'number', minimum: 0, maximum: 1 },
    rate503: { type: 'number', minimum: 0, maximum: 1 },
    retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    batchParts: { type: 'boolean' },
    duplicateTransactionId: { type: 'string', enum: ['existing', 'error'] },
  },
} as const;

/** `/stats` and `/faults`: what tests and benchmarks read and set over HTTP. */
export async function controlRoutes(app: FastifyInstance, { tenant }: { tenant: DemoTenant }): Promise<void> {
  app.get('/stats', { schema: { hide: true } }, async () => tenant.stats());
  app.delete('/stats', { schema: { hide: true } }, async (_request, reply) => {
    tenant.resetStats();
    return reply.code(204).send();
  });

  app.get('/faults', { schema: { hide: true } }, async () => tenant.faults());
  app.post<{ Body: Partial<DemoFaultSettings> }>('/faults', { schema: { hide: true, body: faultsBody } }, async (request, reply) => {
    const merged = { ...tenant.faults(), ...request.body };
    const problems = faultProblems(merged);
    if (problems.length > 0) return reply.code(400).send({ error: { code: 'invalid_request', message: problems.join('; ') } });
    return tenant.setFaults(request.body);
  });
}
