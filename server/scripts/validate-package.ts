import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblems } from './app-package/report';
import { validateZip } from './app-package/validate';

/**
 * `npm run validate-package -- <zip>`: checks any Teams app package offline, as `npm run package`
 * does. Exit code 0 when it passes, 1 when it does not, 2 on wrong usage.
 */
async function main(): Promise<number> {
  const arg = process.argv[2];
  if (!arg) {
    console.error('Usage: npm run validate-package -- <path to app package zip>');
    return 2;
  }
  // npm runs scripts from the project root; resolve the path from where the command was typed.
  const zipPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!existsSync(zipPath)) {
    console.error(`No such file: ${zipPath}`);
    return 2;
  }
  const problems = await validateZip(readFileSync(zipPath));
  if (problems.length > 0) {
    console.error(`${arg} fails ${problems.length} check(s):\n${formatProblems(problems)}`);
    return 1;
  }
  console.log(`${arg} passes the offline checks (schema, icons, https, validDomains, SSO resource, name).`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Validation failed to run: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
