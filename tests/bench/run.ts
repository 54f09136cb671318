/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` in its own process, one after another (so
 * they never compete for the two cores), and prints their figures. `npm run bench -- domain` runs
 * only the benchmarks whose file name contains "domain".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeFlags } from './start-flags';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Unplug benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n`);

let failed = 0;
for (const file of files) {
  console.log(`── ${file} ${'─'.repeat(Math.max(0, 70 - file.length))}`);
  // The API benchmark serves from its own process: it runs with npm start's node flags, as the
  // server does (the cold and load benchmarks give them to their server processes themselves).
  const flags = file.startsWith('api.') ? startNodeFlags() : [];
  if (flags.length > 0) console.log(`node flags: ${flags.join(' ')} (npm start's)`);
  const result = spawnSync(process.execPath, [...flags, '--import', 'tsx', path.join(here, file)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    failed += 1;
    console.log(`!! ${file} exited with ${result.status ?? result.signal}`);
  }
  console.log();
}
if (files.length === 0) console.log('No benchmark matched.');
process.exit(failed > 0 ? 1 : 0);
