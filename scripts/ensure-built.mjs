// `npm start` runs this first (prestart). It needs nothing but Node: it checks that the compiled
// server (server/dist) and the built tab (client/dist) are there and not older than their sources.
//  - built and current: nothing to do (a production install, `npm ci --omit=dev`, lands here);
//  - missing or stale, build tools installed (a clone after `npm install`): runs `npm run build`;
//  - missing, no build tools: stops with a message saying what to run;
//  - stale, no build tools: warns and starts what is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

const outputs = [at('server', 'dist', 'server.js'), at('client', 'dist', 'index.html')];
const sources = [at('contract', 'src'), at('server', 'src'), at('client', 'src'), at('client', 'index.html'), at('client', 'public'), at('client', 'vite.config.ts')];

/** Newest modification time of a file or of any file under a folder (0 when absent). */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

const missing = outputs.filter((file) => !existsSync(file));
const builtAt = missing.length > 0 ? 0 : Math.min(...outputs.map((file) => statSync(file).mtimeMs));
const stale = missing.length === 0 && sources.some((source) => newest(source) > builtAt);
if (missing.length === 0 && !stale) process.exit(0);

const installed = (workspace, tool) => [at(workspace, 'node_modules', tool), at('node_modules', tool)].some((dir) => existsSync(path.join(dir, 'package.json')));
const buildTools = installed('server', 'esbuild') && installed('client', 'vite');
if (buildTools) {
  console.log(missing.length > 0 ? 'Building the server and the tab (first start)…' : 'Sources changed since the last build: rebuilding…');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
if (missing.length > 0) {
  console.error(
    `Unplug is not built: ${missing.map((file) => path.relative(root, file)).join(' and ')} missing, and the build tools ` +
      '(dev dependencies) are not installed.\nBuild first with `npm ci && npm run build`, then `npm ci --omit=dev` may drop the build tools.',
  );
  process.exit(1);
}
console.warn('Warning: the sources are newer than the build, and the build tools are not installed; starting the existing build.');
