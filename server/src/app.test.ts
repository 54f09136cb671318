import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { FRAME_ANCESTORS } from './plugins/security-headers';
import { safeUrl } from './plugins/logging';

describe('the app shell', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }));
  });
  afterAll(() => app.close());

  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', store: 'pglite' });
  });

  it('lets Teams and Microsoft 365 frame the tab, and nobody else', async () => {
    const res = await app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(ancestors).toContain('https://teams.microsoft.com');
    expect(ancestors).toContain("'self'");
    expect(ancestors.sort()).toEqual([...FRAME_ANCESTORS].sort());
    for (const source of ancestors) {
      expect(source).not.toBe('*');
      expect(source).not.toMatch(/^https?:$|^https:\/\/\*$|^\*\./);
    }
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('answers unknown routes with a JSON error', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/nothing-here' } });
  });

  it('sends the security headers with every answer: routes, errors, refusals', async () => {
    for (const res of [await app.inject('/healthz'), await app.inject('/api/nothing-here'), await app.inject('/api/me')]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self' https://teams.microsoft.com");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-site');
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    }
  });

  it('reports not-ready when the store stops answering', async () => {
    const broken = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), {
      store: { kind: 'postgres', db: undefined as never, ping: () => Promise.reject(new Error('down')), close: async () => {} },
    });
    const res = await broken.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'not_ready', error: { code: 'store_unavailable' } });
    await broken.close();
  });
});

describe('safeUrl (what request logs show of a URL)', () => {
  it.each([
    ['/api/me', '/api/me'],
    ['/api/me?access_token=eyJabc.def.ghi', '/api/me?access_token=…'],
    ['/api/me/balance?from=2026-11-23&to=2026-11-29', '/api/me/balance?from=…&to=…'],
    ['/x?%E0%A4%A=1', '/x??=…'],
  ])('%s → %s', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
