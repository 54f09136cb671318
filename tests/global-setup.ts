/**
 * Vitest's global setup, once before any file starts: the compiled server and the built tab are
 * current (rebuilt when missing or older than their sources; `npm test` has just built both), the
 * test Teams host's script is bundled, and the in-memory store template exists. Made here, once,
 * because the files run in parallel: two `vite build`s into one folder would trip over each other,
 * and every worker's first store would otherwise run initdb and the migrations at the same time.
 */
import { openMemoryFromTemplate } from '../server/src/store/store';
import { ensureClientBuilt } from './browser/harness/client-build';
import { hostScriptJs } from './browser/harness/host-script-build';
import { ensureServerBuilt } from './server-build';

export default async function setup(): Promise<void> {
  await Promise.all([
    ensureServerBuilt(),
    ensureClientBuilt(),
    hostScriptJs(),
    openMemoryFromTemplate().then((template) => template.close()),
  ]);
}
