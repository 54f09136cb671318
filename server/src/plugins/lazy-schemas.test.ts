import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { lazyCompilers, lazySerializer, lazyValidator } from './lazy-schemas';

const AJV = { customOptions: { removeAdditional: false, coerceTypes: 'array' as const, allErrors: false, verbose: true } };

/** The same small API twice: Fastify's own compilers, and the lazy ones. */
async function api(lazy: boolean): Promise<FastifyInstance> {
  const app = Fastify({ ajv: AJV, ...(lazy ? { schemaController: { compilersFactory: lazyCompilers() } } : {}) });
  app.post('/blocks', {
    schema: {
      querystring: { type: 'object', properties: { days: { type: 'integer', minimum: 1, maximum: 14 } }, additionalProperties: false },
      body: { type: 'object', required: ['title'], properties: { title: { type: 'string', minLength: 1, maxLength: 255 } }, additionalProperties: false },
      response: {
        200: { type: 'object', properties: { title: { type: 'string' }, days: { type: 'integer' } } },
        400: { type: 'object', properties: { code: { type: 'string' } } },
      },
    },
  }, async (request) => {
    const { days } = request.query as { days?: number };
    // `secret` is not in the 200 schema: the serializer leaves it out.
    return { title: (request.body as { title: string }).title, days: days ?? 1, secret: 'not sent' };
  });
  await app.ready();
  return app;
}

describe('lazy schema compilers', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => { await Promise.all(apps.map((app) => app.close())); });

  it('answer exactly as Fastify’s own compilers: coercion, refusals with the failed schema, serialisation', async () => {
    const [eager, lazy] = [await api(false), await api(true)];
    apps.push(eager, lazy);
    const requests = [
      { url: '/blocks?days=3', payload: { title: 'Lunch' } },
      { url: '/blocks?days=30', payload: { title: 'Lunch' } },
      { url: '/blocks?days=two', payload: { title: 'Lunch' } },
      { url: '/blocks', payload: { title: '' } },
      { url: '/blocks', payload: { title: 'Lunch', extra: true } },
      { url: '/blocks', payload: {} },
    ];
    for (const request of requests) {
      const [a, b] = await Promise.all([eager, lazy].map((app) => app.inject({ method: 'POST', ...request })));
      expect({ url: request.url, status: b!.statusCode, body: b!.json() as unknown }).toEqual({ url: request.url, status: a!.statusCode, body: a!.json() as unknown });
    }
    const ok = await lazy.inject({ method: 'POST', url: '/blocks?days=3', payload: { title: 'Lunch' } });
    expect(ok.json()).toEqual({ title: 'Lunch', days: 3 });
    const refused = await lazy.inject({ method: 'POST', url: '/blocks?days=30', payload: { title: 'Lunch' } });
    expect(refused.statusCode).toBe(400);
  });

  it('compile a validator once, on its first call, and read its errors and data context through', () => {
    let compiles = 0;
    const real = Object.assign((data: unknown) => {
      real.errors = data === 1 ? null : [{ message: 'must be 1' }];
      return data === 1;
    }, { errors: null as unknown, schemaEnv: { root: true } });
    const validate = lazyValidator(() => { compiles += 1; return real; });
    expect(compiles).toBe(0);
    expect(validate(2)).toBe(false);
    expect(validate.errors).toEqual([{ message: 'must be 1' }]);
    expect(validate(1)).toBe(true);
    expect(validate.schemaEnv).toEqual({ root: true });
    expect(compiles).toBe(1);
  });

  it('compile a serializer once, on its first call', () => {
    let compiles = 0;
    const serialize = lazySerializer(() => { compiles += 1; return (data) => JSON.stringify(data); });
    expect(compiles).toBe(0);
    expect(serialize({ a: 1 })).toBe('{"a":1}');
    expect(serialize([1])).toBe('[1]');
    expect(compiles).toBe(1);
  });

  it('every route of the app has schemas that compile (what lazy compilation would otherwise find only on first use)', async () => {
    const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), { compileSchemasAtStart: true });
    apps.push(app);
    // Fastify's own compilers compile every route's validators and serializers here, and throw on a bad schema.
    await expect(app.ready()).resolves.toBeDefined();
    expect(app.printRoutes().length).toBeGreaterThan(0);
  });
});
