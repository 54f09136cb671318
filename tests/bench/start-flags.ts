import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The node flags `npm start` runs the server with (server/package.json's start script, e.g.
 * `--max-semi-space-size=8 --liftoff-only`), so a benchmark's server process runs as a deployed one
 * does: the flags trade speed for memory, and a figure taken without them would flatter the server.
 */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, 'server', 'package.json'), 'utf8')) as { scripts?: { start?: string } }).scripts?.start ?? '';
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`server/package.json's start script does not run node: ${start}`);
  return words.slice(1).filter((word) => word.startsWith('--') && word !== '--enable-source-maps');
}
