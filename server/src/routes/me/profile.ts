import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { zoneOrUtc } from '../../domain/time/resolve-time-zone';
import { defaultWindow, loadPersonCalendar } from '../../services/person-calendar';
import { cachedSettings } from '../../services/person-data';
import type { ApiContext } from '../api';
import { errorResponses, TimeZoneUsed } from '../api/schemas';
import { PreferencesSchema, QuietTimeSchema } from '../api/schemas-settings';

const Profile = Type.Object({
  tenantId: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  isAdmin: Type.Boolean(),
  timeZone: TimeZoneUsed,
  workingHours: Type.Object({
    daysOfWeek: Type.Array(Type.String()),
    startTime: Type.String(),
    endTime: Type.String(),
    timeZone: Type.String({ description: 'As the mailbox names it (Windows, IANA or a custom zone name)' }),
  }),
  presence: Type.Union([Type.Null(), Type.Object({ availability: Type.String(), activity: Type.String() })]),
  preferences: PreferencesSchema,
  quietTime: QuietTimeSchema,
  features: Type.Object({ presenceTimeline: Type.Boolean(), autoStatus: Type.Boolean(), teamBalance: Type.Boolean() }),
});

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
      timeZone: { name: zone.name, problem: problem && { code: problem.code, message: problem.message } },
      workingHours: { ...person.workingHours, timeZone: person.workingHours.timeZone.name },
      presence: data.presence,
      preferences: settings.preferences,
      quietTime: settings.quietTime,
      features: settings.policy.features,
    };
  });
}
