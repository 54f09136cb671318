import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AutoStatus, errorResponses, PresenceTimeline, PresenceTimelineUpdate } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import type { GraphTokens } from '../../auth/graph-tokens';
import { requestAuth } from '../../auth/bearer';
import { PRESENCE_READ_PERMISSIONS, requirePermission, STATUS_PERMISSIONS, type Unavailable } from '../../jobs/app-permissions';
import { AppError } from '../../plugins/errors';
import type { ApiPorts } from '../../services/ports';
import { effectiveSettings } from '../../services/settings-service';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { statusRepository } from '../../store/repositories/status-repository';

export interface BackgroundRoutesOptions {
  ports: ApiPorts;
  tokens: Pick<GraphTokens, 'appOnly'>;
}

/**
 * `/api/me/status` (the automatic status: on or not, working or why not, and what it shows now)
 * and `/api/me/presence-timeline` (the person's opt-in to presence sampling, which feeds
 * `honouredMinutes`). Both features run as the app in background jobs, so they depend on the
 * organisation's policy and on application permissions an admin grants.
 */
export async function backgroundRoutes(app: FastifyInstance, { ports, tokens }: BackgroundRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['me'];
  const security = [{ teamsSso: [] }];
  const keyOf = (request: Parameters<typeof requestAuth>[0]) => {
    const { caller } = requestAuth(request);
    return { tenantId: caller.tenantId, userId: caller.userId };
  };
  const availability = async (tenantId: string, featureOn: boolean, permissions: readonly string[]): Promise<Unavailable | null> => {
    if (!featureOn) return { code: 'feature_disabled', message: 'Your organisation has turned this feature off.' };
    return (await requirePermission(tokens, tenantId, permissions)) ?? null;
  };

  api.get('/status', { schema: { summary: 'The automatic status: whether it works, and what it shows now', tags, security, response: { 200: AutoStatus, ...errorResponses() } } }, async (request) => {
    const key = keyOf(request);
    const settings = await effectiveSettings(ports.store, key);
    const reason = await availability(key.tenantId, settings.policy.features.autoStatus, STATUS_PERMISSIONS);
    const now = ports.now().getTime();
    const latest = (await statusRepository(ports.store.db).latest(key.tenantId, [key.userId])).get(key.userId);
    const showing = latest && latest.windowStart <= now && now < latest.windowEnd && (latest.state === 'set' || latest.state === 'left');
    return {
      enabled: settings.quietTime.autoStatus,
      available: reason === null,
      reason,
      current: showing ? { kind: latest.kind, until: new Date(latest.windowEnd).toISOString(), message: latest.message, state: latest.state } : null,
    };
  });

  const timeline = async (key: { tenantId: string; userId: string }) => {
    const settings = await effectiveSettings(ports.store, key);
    const since = await presenceRepository(ports.store.db).optedInAt(key);
    const reason = await availability(key.tenantId, settings.policy.features.presenceTimeline, PRESENCE_READ_PERMISSIONS);
    return { enabled: since !== undefined, since: since?.toISOString() ?? null, available: reason === null, reason };
  };

  api.get('/presence-timeline', { schema: { summary: 'Whether your presence is sampled for the timeline', tags, security, response: { 200: PresenceTimeline, ...errorResponses() } } },
    async (request) => timeline(keyOf(request)));

  api.put('/presence-timeline', {
    schema: {
      summary: 'Turn presence sampling on or off (off ends your current interval; history stays until retention or erasure)',
      tags, security,
      body: PresenceTimelineUpdate,
      response: { 200: PresenceTimeline, ...errorResponses() },
    },
  }, async (request) => {
    const key = keyOf(request);
    const presence = presenceRepository(ports.store.db);
    if (request.body.enabled) {
      const { policy } = await effectiveSettings(ports.store, key);
      if (!policy.features.presenceTimeline) throw new AppError('feature_disabled', ['the presence timeline']);
      await presence.optIn(key, ports.now());
    } else {
      await presence.optOut(key, ports.now());
    }
    return timeline(key);
  });
}
