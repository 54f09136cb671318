import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage, MissingValuesError } from './app-package/build';
import { EnvironmentNotFoundError } from './app-package/env-file';
import { formatProblems, readOption } from './app-package/report';

/**
 * `npm run package -- --env <name>`: builds appPackage/build/appPackage.<name>.zip from
 * appPackage/ and env/.env.<name>, validating it offline first. Exit code 0 only when the zip was
 * written and passes every check.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<number> {
  const envName = readOption(process.argv.slice(2), 'env');
  if (!envName) {
    console.error('Usage: npm run package -- --env <name>   (e.g. --env dev, which reads env/.env.dev)');
    return 2;
  }
  let built;
  try {
    built = await buildPackage(root, envName);
  } catch (error) {
    if (error instanceof MissingValuesError || error instanceof EnvironmentNotFoundError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  for (const warning of built.warnings) console.warn(`Warning: ${warning}`);
  if (built.problems.length > 0) {
    console.error(`The "${envName}" package fails ${built.problems.length} check(s); nothing was written:\n${formatProblems(built.problems)}`);
    return 1;
  }
  const target = path.join(root, built.zipPath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, built.zip);
  writeFileSync(path.join(root, 'appPackage', 'build', `manifest.${envName}.json`), built.manifestText);
  console.log(`Wrote ${built.zipPath} (${built.zip.length} bytes) from ${built.envFiles.join(' + ')}; it passes the offline checks.`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Packaging failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
