import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, Profile } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { zoneOrUtc } from '../../domain/time/resolve-time-zone';
import { localClockOf } from '../../domain/time/zone';
import { defaultWindow, loadPersonCalendar } from '../../services/person-calendar';
import { cachedSettings } from '../../services/person-data';
import type { ApiContext } from '../api';

/** `GET /api/me`: who the caller is, their zone and working hours, and their settings. */
export async function profileRoute(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/', {
    schema: { summary: 'The caller: zone, working hours, preferences', tags: ['me'], security: [{ teamsSso: [] }], response: { 200: Profile, ...errorResponses() } },
  }, async (request) => {
    const auth = requestAuth(request);
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    const [{ person, data }, settings] = await Promise.all([
      loadPersonCalendar(ports, cache.tabData, auth, defaultWindow(ports.now())),
      cachedSettings(ports, cache, key),
    ]);
    const { zone, problem } = zoneOrUtc(person.workingHours.timeZone);
    return {
      tenantId: person.tenantId,
      userId: person.userId,
      displayName: person.displayName,
      isAdmin: auth.caller.isAdmin,
      timeZone: { name: zone.name, problem: problem && { code: problem.code, message: problem.message }, offsetMinutes: localClockOf(ports.now().getTime(), zone).offsetMinutes },
      workingHours: { ...person.workingHours, timeZone: person.workingHours.timeZone.name },
      presence: data.presence,
      preferences: settings.preferences,
      quietTime: settings.quietTime,
      features: settings.policy.features,
    };
  });
}
