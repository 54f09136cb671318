/**
 * `npm run build -w server`, first step: bundles `src/server.ts` and its dependencies into one ES
 * module, `dist/server.js`, with a source map for stack traces.
 *
 * Dependencies are bundled too: loading them from `node_modules` file by file (Kysely alone is
 * hundreds of ES modules) cost about 0.5 s of CPU at every start. They stay out of the bundle only
 * where they read their own files at run time, or are optional:
 * - `@electric-sql/pglite`: its WebAssembly and data bundle sit beside its module;
 * - `@fastify/swagger-ui` and `@fastify/static` (which it registers): the Swagger UI's static files;
 * - `pg-native`: pg's optional native binding, not installed.
 * They are production dependencies, so `npm ci --omit=dev` installs them (the Dockerfile does).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const EXTERNAL = ['@electric-sql/pglite', '@fastify/swagger-ui', '@fastify/static', 'pg-native'];

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: serverDir,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'esm',
  external: EXTERNAL,
  alias: { '@unplug/contract': '../contract/src' },
  sourcemap: true,
  sourcesContent: false,
  // Whitespace and syntax only (names stay, for stack traces and Fastify's plugin names): a third
  // smaller, which V8 parses and the source-map support indexes at every start (≈ 7 % of its CPU).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS dependencies call `require` for Node's modules; an ES module has none of its own.
  banner: { js: "import { createRequire as unplugCreateRequire } from 'node:module'; const require = unplugCreateRequire(import.meta.url);" },
});
