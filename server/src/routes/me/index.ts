import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api';
import { accessRoute } from './access';
import { balanceRoute } from './balance';
import { profileRoute } from './profile';
import { privacyRoutes } from './privacy';
import { settingsRoutes } from './settings';
import { suggestionRoutes } from './suggestions';
import { trendRoute } from './trend';

/** `/api/me/*`: the caller's own data, and only theirs. */
export async function meRoutes(app: FastifyInstance, { ports, cache, booking }: ApiContext): Promise<void> {
  const context: ApiContext = { ports, cache, booking };
  await app.register(accessRoute);
  await app.register(profileRoute, context);
  await app.register(balanceRoute, context);
  await app.register(trendRoute, context);
  await app.register(suggestionRoutes, context);
  await app.register(settingsRoutes, context);
  await app.register(privacyRoutes, context);
}
