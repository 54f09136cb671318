/**
 * Vitest global setup of the unit project: the compiled server is current before any file starts
 * one in a process of its own (tests/server-build.ts).
 */
import { ensureServerBuilt } from './server-build';

export default async function setup(): Promise<void> {
  await ensureServerBuilt();
}
