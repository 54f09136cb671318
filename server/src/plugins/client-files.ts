import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError, sendError } from './errors';

/** Serves the built tab, with `index.html` for any other page path (the tab routes on the client). */
export async function clientFiles(app: FastifyInstance, { clientDir }: { clientDir: string }): Promise<void> {
  const index = path.join(clientDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ clientDir }, 'the tab is not built: run `npm run build` (npm start does it for you)');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => sendError(reply, new AppError('client_not_built')));
    return;
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    wildcard: false,
    index: ['index.html'],
    // Hashed bundles can be cached for good; index.html must always be revalidated.
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  for (const page of ['/tab', '/tab/*', '/config', '/team', '/team/*']) {
    app.get(page, { schema: { hide: true } }, (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
  }
}
