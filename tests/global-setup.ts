/**
 * Vitest global setup of the unit project, before any file starts: the compiled server is current
 * (tests/server-build.ts), and the in-memory store template exists, made once here instead of by
 * every worker's first store at the same time (initdb and the migrations, about 5 s of CPU each).
 */
import { openMemoryFromTemplate } from '../server/src/store/store';
import { ensureServerBuilt } from './server-build';

export default async function setup(): Promise<void> {
  await Promise.all([ensureServerBuilt(), openMemoryFromTemplate().then((template) => template.close())]);
}
