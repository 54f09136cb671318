/**
 * Vitest global setup of the browser project: the client is built once, before any browser file
 * starts (they run in parallel, and two `vite build`s into one folder would trip over each other).
 */
import { ensureClientBuilt } from './client-build';
import { hostScriptJs } from './host-script-build';

export default async function setup(): Promise<void> {
  await Promise.all([ensureClientBuilt(), hostScriptJs()]);
}
