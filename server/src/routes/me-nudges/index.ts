import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, Nudges, NudgesUpdate } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import type { GraphTokens } from '../../auth/graph-tokens';
import { requestAuth } from '../../auth/bearer';
import { DEFAULT_NUDGE_PREFERENCES } from '../../domain/nudges/nudge-types';
import { validateNudges } from '../../domain/nudges/validate-nudges';
import { NUDGE_PERMISSIONS, requirePermission, type Unavailable } from '../../jobs/app-permissions';
import type { ApiPorts } from '../../services/ports';
import { nudgeRepository } from '../../store/repositories/nudge-repository';
import { validOrThrow } from '../me/settings';

export interface NudgeRoutesOptions {
  ports: ApiPorts;
  /** App-only tokens, to tell whether an admin granted TeamsActivity.Send. */
  tokens: Pick<GraphTokens, 'appOnly'> | undefined;
  /** The Teams app id nudges link to; without it they cannot be sent. */
  teamsAppId: string | undefined;
}

/**
 * `GET`/`PUT /api/me/nudges`: which activity-feed nudges the person turned on (each off until
 * they do), and whether Unplug can send them (an admin must grant `TeamsActivity.Send`).
 */
export async function nudgeRoutes(app: FastifyInstance, { ports, tokens, teamsAppId }: NudgeRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['me'];
  const security = [{ teamsSso: [] }];
  const keyOf = (request: Parameters<typeof requestAuth>[0]) => {
    const { caller } = requestAuth(request);
    return { tenantId: caller.tenantId, userId: caller.userId };
  };
  const availability = async (tenantId: string): Promise<Unavailable | null> => {
    if (!teamsAppId) return { code: 'feature_disabled', message: 'Nudges are not set up on this server (TEAMS_APP_ID).' };
    if (!tokens) return { code: 'app_token_failed', message: 'Unplug cannot sign in as the app on this server.' };
    return (await requirePermission(tokens, tenantId, NUDGE_PERMISSIONS)) ?? null;
  };
  const view = async (key: { tenantId: string; userId: string }) => {
    const stored = (await nudgeRepository(ports.store.db).find(key)) ?? DEFAULT_NUDGE_PREFERENCES;
    const reason = await availability(key.tenantId);
    return { ...stored, available: reason === null, reason };
  };

  api.get('/nudges', { schema: { summary: 'Activity-feed nudges: which are on, and whether they can be sent', tags, security, response: { 200: Nudges, ...errorResponses() } } },
    async (request) => view(keyOf(request)));

  api.put('/nudges', {
    schema: { summary: 'Turn activity-feed nudges on or off', tags, security, body: NudgesUpdate, response: { 200: Nudges, ...errorResponses() } },
  }, async (request) => {
    const key = keyOf(request);
    const repo = nudgeRepository(ports.store.db);
    const value = validOrThrow(validateNudges(request.body, (await repo.find(key)) ?? DEFAULT_NUDGE_PREFERENCES));
    await repo.save(key, value, ports.now());
    return view(key);
  });
}
