import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPackage, MissingValuesError } from './build';
import { EnvironmentNotFoundError } from './env-file';
import { formatProblems, readOption } from './report';
import { validateZip } from './validate';

/** Where the CLIs write: stdout for results, stderr for problems. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

/**
 * `npm run package -- --env <name>`: builds appPackage/build/appPackage.<name>.zip from
 * appPackage/ and env/.env.<name>, validating it first. Returns the exit code: 0 only when the
 * zip was written and passes every check, 1 when it cannot be built or fails a check, 2 on usage.
 */
export async function packageCommand(root: string, args: readonly string[], out: Output): Promise<number> {
  const envName = readOption(args, 'env');
  if (!envName) {
    out.error('Usage: npm run package -- --env <name>   (e.g. --env dev, which reads env/.env.dev)');
    return 2;
  }
  let built;
  try {
    built = await buildPackage(root, envName);
  } catch (error) {
    if (error instanceof MissingValuesError || error instanceof EnvironmentNotFoundError) {
      out.error(error.message);
      return 1;
    }
    throw error;
  }
  for (const warning of built.warnings) out.error(`Warning: ${warning}`);
  if (built.problems.length > 0) {
    out.error(`The "${envName}" package fails ${built.problems.length} check(s); nothing was written:\n${formatProblems(built.problems)}`);
    return 1;
  }
  const target = path.join(root, built.zipPath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, built.zip);
  writeFileSync(path.join(path.dirname(target), `manifest.${envName}.json`), built.manifestText);
  out.log(`Wrote ${built.zipPath} (${built.zip.length} bytes) from ${built.envFiles.join(' + ')}; it passes the offline checks.`);
  return 0;
}

/**
 * `npm run validate-package -- <zip>`: checks any app package offline, the same way. `cwd` is
 * where the command was typed (npm itself runs scripts from the project root).
 */
export async function validatePackageCommand(cwd: string, args: readonly string[], out: Output): Promise<number> {
  const arg = args[0];
  if (!arg) {
    out.error('Usage: npm run validate-package -- <path to app package zip>');
    return 2;
  }
  const zipPath = path.resolve(cwd, arg);
  if (!existsSync(zipPath)) {
    out.error(`No such file: ${zipPath}`);
    return 2;
  }
  const problems = await validateZip(readFileSync(zipPath));
  if (problems.length > 0) {
    out.error(`${arg} fails ${problems.length} check(s):\n${formatProblems(problems)}`);
    return 1;
  }
  out.log(`${arg} passes the offline checks (schema, icons, https, validDomains, SSO resource, name).`);
  return 0;
}

/** Runs a command as a process: prints, then exits with its code (or 1 on an unexpected error). */
export function runAsProcess(command: (out: Output) => Promise<number>): void {
  command({ log: (line) => console.log(line), error: (line) => console.error(line) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Unexpected failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
