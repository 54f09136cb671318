import type { FastifyInstance } from 'fastify';
import { privacyPage } from './privacy';
import { termsPage } from './terms';

/**
 * `/privacy` and `/terms`: the pages the app manifest's `privacyUrl` and `termsOfUseUrl` point
 * at, served by the app itself so every deployment has them on its own domain.
 */
export async function legalRoutes(app: FastifyInstance): Promise<void> {
  const pages = { '/privacy': privacyPage(), '/terms': termsPage() };
  for (const [url, html] of Object.entries(pages)) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(html));
  }
}
