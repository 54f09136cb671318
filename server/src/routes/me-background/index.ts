import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { GraphTokens } from '../../auth/graph-tokens';
import { requestAuth } from '../../auth/bearer';
import { PRESENCE_READ_PERMISSIONS, requirePermission, STATUS_PERMISSIONS, type Unavailable } from '../../jobs/app-permissions';
import { AppError } from '../../plugins/errors';
import type { ApiPorts } from '../../services/ports';
import { effectiveSettings } from '../../services/settings-service';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { statusRepository } from '../../store/repositories/status-repository';
import { errorResponses, InstantString } from '../api/schemas';

export interface BackgroundRoutesOptions {
  ports: ApiPorts;
  tokens: Pick<GraphTokens, 'appOnly'>;
}

const Reason = Type.Union([Type.Null(), Type.Object({ code: Type.String(), message: Type.String() })], {
  description: 'Why the feature cannot work now (the organisation turned it off, or an admin has not granted the application permission), or null',
});

const AutoStatus = Type.Object({
  enabled: Type.Boolean({ description: 'The person chose the automatic status (quiet-time settings)' }),
  available: Type.Boolean(),
  reason: Reason,
  current: Type.Union([Type.Null(), Type.Object({
    kind: Type.String({ description: 'block, evening or weekend' }),
    until: InstantString,
    message: Type.String(),
    state: Type.String({ description: 'set: Unplug set it; left: the person showed their own status, so Unplug left it' }),
  })]),
});

const PresenceTimeline = Type.Object({
  enabled: Type.Boolean({ description: 'The person asked for their presence to be sampled' }),
  since: Type.Union([Type.Null(), InstantString]),
  available: Type.Boolean(),
  reason: Reason,
});

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
      body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: PresenceTimeline, ...errorResponses(409) },
    },
  }, async (request) => {
    const key = keyOf(request);
    const presence = presenceRepository(ports.store.db);
    if (request.body.enabled) {
      const { policy } = await effectiveSettings(ports.store, key);
      if (!policy.features.presenceTimeline) throw new AppError(409, 'feature_disabled', 'Your organisation has turned the presence timeline off.');
      await presence.optIn(key, ports.now());
    } else {
      await presence.optOut(key, ports.now());
    }
    return timeline(key);
  });
}
