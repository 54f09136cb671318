import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { escapeHtml } from './page';

describe('the legal pages', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }));
  });
  afterAll(() => app.close());

  it.each(['/privacy', '/terms'])('%s answers 200 with an HTML page that has a language, a title and one h1', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(res.body).toMatch(/<title>[^<]+ · Unplug<\/title>/);
    expect(res.body.match(/<h1>/g)).toHaveLength(1);
    expect(res.body).toContain('<main>');
    expect(res.body).not.toContain('<script');
    // Served under the app's CSP like every other page.
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('privacy states what is stored, what is never stored, retention and whom to contact', async () => {
    const body = (await app.inject('/privacy')).body;
    for (const heading of ['What Unplug reads from Microsoft 365', 'What Unplug stores', 'What Unplug never stores', 'How long data is kept', 'Who runs Unplug']) {
      expect(body).toContain(`>${heading}</h2>`);
    }
    expect(body).toMatch(/does <strong>not<\/strong> request subjects, bodies, attendees or locations/);
    expect(body).toContain('Presence timeline: 35 days');
    expect(body).toMatch(/at\s+least 5 members/);
  });

  it('terms say Unplug is not a monitoring tool and link to the privacy statement', async () => {
    const body = (await app.inject('/terms')).body;
    expect(body).toContain('It is not a monitoring tool');
    expect(body).toContain('href="/privacy"');
  });

  it('escapes text put into the page', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });
});
