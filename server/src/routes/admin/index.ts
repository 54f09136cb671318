import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, OrgPolicyUpdate, PolicyResponse } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { validateOrgPolicy } from '../../domain/settings/validate-settings';
import { AppError } from '../../plugins/errors';
import { mergePolicy } from '../../services/settings-service';
import { orgPolicyRepository } from '../../store/repositories/org-policy-repository';
import type { ApiContext } from '../api';
import { validOrThrow } from '../me/settings';

/** `/api/admin/policy`: organisation defaults and privacy thresholds, for admins only, every change audited. */
export async function adminRoutes(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.addHook('preHandler', async (request) => {
    if (!requestAuth(request).caller.isAdmin) {
      throw new AppError('admin_required');
    }
  });
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];
  const security = [{ teamsSso: [] }];

  const read = async (tenantId: string) => {
    const policies = orgPolicyRepository(ports.store.db);
    const [stored, audit] = await Promise.all([policies.find(tenantId), policies.auditLog(tenantId, 20)]);
    return {
      policy: mergePolicy(stored?.policy ?? {}),
      updatedAt: stored ? stored.updatedAt.toISOString() : null,
      audit: audit.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  };

  api.get('/policy', { schema: { summary: 'The organisation policy and its recent changes', tags, security, response: { 200: PolicyResponse, ...errorResponses() } } },
    async (request) => read(requestAuth(request).caller.tenantId));

  api.put('/policy', {
    schema: {
      summary: 'Change the organisation policy (audited)', tags, security,
      body: OrgPolicyUpdate,
      response: { 200: PolicyResponse, ...errorResponses() },
    },
  }, async (request) => {
    const { caller } = requestAuth(request);
    const policies = orgPolicyRepository(ports.store.db);
    const current = mergePolicy((await policies.find(caller.tenantId))?.policy ?? {});
    const policy = validOrThrow(validateOrgPolicy(request.body, current));
    await policies.save(caller.tenantId, policy as unknown as Record<string, unknown>, {
      actorUserId: caller.userId, action: 'policy.update', detail: { changes: request.body as Record<string, unknown> }, at: ports.now(),
    });
    cache.invalidateTenant(caller.tenantId);
    return read(caller.tenantId);
  });
}
