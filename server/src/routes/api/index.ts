import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { authenticate, registerRequestAuth, requestAuth } from '../../auth/bearer';
import type { TokenValidator } from '../../auth/token-validator';
import { SuggestionBooking } from '../../services/suggestions-service';
import type { ApiPorts } from '../../services/ports';
import { ApiCaches } from '../../services/api-caches';
import { AppError } from '../../plugins/errors';
import { adminRoutes } from '../admin';
import { meRoutes } from '../me';
import { teamRoutes } from '../teams';
import { backgroundRoutes } from '../me-background';
import { nudgeRoutes } from '../me-nudges';
import type { GraphTokens } from '../../auth/graph-tokens';
import { ErrorBody } from '@unplug/contract';

export interface ApiOptions {
  ports: ApiPorts;
  validator: TokenValidator;
  /** Requests per person per minute before 429. Default 300. */
  ratePerMinute?: number;
  /** How long a loaded calendar is reused. Default 60 s. */
  cacheTtlMs?: number;
  /** App-only tokens, to tell whether background features have their permissions. */
  tokens?: Pick<GraphTokens, 'appOnly'>;
  /** The Teams app id activity-feed nudges link to (`TEAMS_APP_ID`). */
  teamsAppId?: string | undefined;
}

/** Everything under `/api`: one bearer-token check, one per-person rate limit, then the routes. */
export async function apiRoutes(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const cache = new ApiCaches({ tabDataTtlMs: options.cacheTtlMs, storeTtlMs: options.cacheTtlMs === undefined ? undefined : Math.min(options.cacheTtlMs, 30_000) });
  const booking = new SuggestionBooking(options.ports, cache);
  const context = { ports: options.ports, cache, booking };

  app.addSchema(ErrorBody);
  registerRequestAuth(app);
  // Before the body is read or validated: an unauthenticated caller learns nothing about the API.
  const check = authenticate(options.validator);
  app.addHook('onRequest', async (request, reply) => check.call(app, request, reply));

  await app.register(rateLimit, {
    hook: 'preHandler',
    max: options.ratePerMinute ?? 300,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const { caller } = requestAuth(request);
      return `${caller.tenantId}/${caller.userId}`;
    },
    errorResponseBuilder: (_request, context) => new AppError('rate_limited', [context.max, Math.ceil(context.ttl / 1000)],
      { headers: { 'Retry-After': String(Math.ceil(context.ttl / 1000)) } }),
  });

  await app.register(meRoutes, { prefix: '/me', ...context });
  if (options.tokens) await app.register(backgroundRoutes, { prefix: '/me', ports: options.ports, tokens: options.tokens });
  await app.register(nudgeRoutes, { prefix: '/me', ports: options.ports, tokens: options.tokens, teamsAppId: options.teamsAppId });
  await app.register(adminRoutes, { prefix: '/admin', ...context });
  await app.register(teamRoutes, { prefix: '/teams', ...context });
}

export type ApiContext = { ports: ApiPorts; cache: ApiCaches; booking: SuggestionBooking };
