import { ERRORS, PreferencesUpdate } from '@unplug/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, registerErrorHandler } from './errors';

describe('AppError', () => {
  it('takes its status and words from the catalogue, filling the placeholders in order', () => {
    const error = new AppError('graph_request_failed', [404, 'ErrorItemNotFound', 'gone']);
    expect(error.statusCode).toBe(ERRORS.graph_request_failed.status);
    expect(error.code).toBe('graph_request_failed');
    expect(error.message).toBe('Microsoft Graph refused a request (404 ErrorItemNotFound): gone');
    expect(new AppError('admin_required').message).toBe(ERRORS.admin_required.message);
  });
});

describe('the error handler', () => {
  async function app() {
    const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false, verbose: true } } });
    registerErrorHandler(app);
    app.withTypeProvider<TypeBoxTypeProvider>().put('/preferences', { schema: { body: PreferencesUpdate } }, async () => ({ ok: true }));
    app.get('/refused', async () => {
      throw new AppError('rate_limited', [300, 7], { headers: { 'Retry-After': '7' } });
    });
    return app;
  }

  it('answers a failed schema check with every field in words, and keeps the summary', async () => {
    const res = await (await app()).inject({ method: 'PUT', url: '/preferences', payload: { lunch: { start: '12:00', end: 'noon' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^Invalid body: /),
        fields: [{ field: 'lunch.end', message: 'must be a time as HH:mm, e.g. 12:30' }],
      },
    });
  });

  it('answers an error of the catalogue with its status, headers and body', async () => {
    const res = await (await app()).inject('/refused');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests: at most 300 a minute. Try again in 7 s.' } });
  });

  it('answers an unknown route as not_found', async () => {
    const res = await (await app()).inject('/nowhere?secret=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /nowhere' } });
  });
});
