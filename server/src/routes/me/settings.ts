import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, PreferencesSchema, PreferencesUpdate, QuietTimeSchema, QuietTimeUpdate } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { validatePreferences, validateQuietTime, type Validated } from '../../domain/settings/validate-settings';
import { AppError } from '../../plugins/errors';
import { effectiveSettings } from '../../services/settings-service';
import { peopleRepository } from '../../store/repositories/people-repository';
import type { ApiContext } from '../api';

/** Turns a settings check into the value, or a 400 naming every field that is wrong. */
export function validOrThrow<T>(result: Validated<T>): T {
  if (result.ok) return result.value;
  const message = result.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  throw new AppError('invalid_settings', [message], { fields: result.errors });
}

/**
 * `GET`/`PUT /api/me/preferences` and `/api/me/quiet-time`. A PUT may give some fields: they are
 * checked together with the rest (e.g. the minimum block length against the maximum), and stored
 * as the person's own choices over the organisation's defaults.
 */
export async function settingsRoutes(app: FastifyInstance, { ports, cache }: ApiContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['me'];
  const security = [{ teamsSso: [] }];

  api.get('/preferences', { schema: { summary: 'Disconnect-block preferences', tags, security, response: { 200: PreferencesSchema, ...errorResponses() } } },
    async (request) => (await effectiveSettings(ports.store, key(request))).preferences);

  api.put('/preferences', {
    schema: { summary: 'Change disconnect-block preferences', tags, security, body: PreferencesUpdate, response: { 200: PreferencesSchema, ...errorResponses() } },
  }, async (request) => {
    const person = key(request);
    const current = await effectiveSettings(ports.store, person);
    const value = validOrThrow(validatePreferences(request.body, current.preferences));
    const people = peopleRepository(ports.store.db);
    const stored = (await people.find(person))?.preferences ?? {};
    await people.savePreferences(person, { ...stored, ...request.body }, ports.now());
    cache.invalidatePerson(`${person.tenantId}/${person.userId}`);
    return value;
  });

  api.get('/quiet-time', { schema: { summary: 'After-hours quiet time and the automatic status', tags, security, response: { 200: QuietTimeSchema, ...errorResponses() } } },
    async (request) => (await effectiveSettings(ports.store, key(request))).quietTime);

  api.put('/quiet-time', {
    schema: { summary: 'Change quiet time and the automatic status', tags, security, body: QuietTimeUpdate, response: { 200: QuietTimeSchema, ...errorResponses() } },
  }, async (request) => {
    const person = key(request);
    const current = await effectiveSettings(ports.store, person);
    const value = validOrThrow(validateQuietTime(request.body, current.quietTime));
    const people = peopleRepository(ports.store.db);
    const stored = (await people.find(person))?.quietTime ?? {};
    await people.saveQuietTime(person, { ...stored, ...request.body }, ports.now());
    cache.invalidatePerson(`${person.tenantId}/${person.userId}`);
    return value;
  });
}

function key(request: Parameters<typeof requestAuth>[0]) {
  const { caller } = requestAuth(request);
  return { tenantId: caller.tenantId, userId: caller.userId };
}
