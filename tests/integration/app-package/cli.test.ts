import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { packageCommand, validatePackageCommand, type Output } from '../../../server/scripts/app-package/cli';
import { validateZip } from '../../../server/scripts/app-package/validate';
import { writeZip } from '../../../server/scripts/app-package/zip';
import { realDevPackage, repoRoot, variant } from './fixtures';

const scratch = mkdtempSync(path.join(tmpdir(), 'unplug-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { log: (l) => lines.push(l), error: (l) => lines.push(l), text: () => lines.join('\n') };
}

describe('npm run package / npm run validate-package', () => {
  it('the npm scripts run these two files', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.package).toBe('tsx server/scripts/package.ts');
    expect(scripts['validate-package']).toBe('tsx server/scripts/validate-package.ts');
  });

  it('`package --env dev`, run as a process, writes appPackage/build/appPackage.dev.zip that passes validation', async () => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, ['server/scripts/package.ts', '--env', 'dev'], { cwd: repoRoot });
    expect(stdout).toContain('Wrote appPackage/build/appPackage.dev.zip');
    expect(await validateZip(readFileSync(path.join(repoRoot, 'appPackage/build/appPackage.dev.zip')))).toEqual([]);
  });

  it('validate-package accepts the good package', async () => {
    const file = path.join(scratch, 'good.zip');
    writeFileSync(file, await writeZip(await realDevPackage()));
    const out = capture();
    expect(await validatePackageCommand(scratch, ['good.zip'], out)).toBe(0);
    expect(out.text()).toBe('good.zip passes the offline checks (schema, icons, https, validDomains, SSO resource, name).');
  });

  it('validate-package exits 1 and lists each problem of a broken zip', async () => {
    const broken = variant(await realDevPackage(), (m) => {
      m.validDomains.push('*.azurewebsites.net');
      m.developer.privacyUrl = 'http://unplug-dev.example.com/privacy';
    });
    writeFileSync(path.join(scratch, 'broken.zip'), await writeZip(broken));
    const out = capture();
    expect(await validatePackageCommand(scratch, ['broken.zip'], out)).toBe(1);
    expect(out.text()).toMatch(/^broken\.zip fails 2 check\(s\):/);
    expect(out.text()).toMatch(/ 1\. \[https\] developer\.privacyUrl must be an absolute https:\/\/ URL/);
    expect(out.text()).toMatch(/ 2\. \[valid-domains\] validDomains entry "\*\.azurewebsites\.net" puts a wildcard over a shared host/);
  });

  it('validate-package explains its usage and a missing file', async () => {
    const out = capture();
    expect(await validatePackageCommand(scratch, [], out)).toBe(2);
    expect(await validatePackageCommand(scratch, ['nothing.zip'], out)).toBe(2);
    expect(out.text()).toMatch(/Usage: npm run validate-package -- <path to app package zip>\nNo such file: .*nothing\.zip/);
  });

  it('package refuses an unknown environment, and explains its usage', async () => {
    const out = capture();
    expect(await packageCommand(repoRoot, ['--env', 'nosuchenv'], out)).toBe(1);
    expect(await packageCommand(repoRoot, [], out)).toBe(2);
    expect(out.text()).toMatch(/There is no environment "nosuchenv": env\/\.env\.nosuchenv does not exist[\s\S]*Usage: npm run package -- --env <name>/);
    expect(existsSync(path.join(repoRoot, 'appPackage/build/appPackage.nosuchenv.zip'))).toBe(false);
  });

  it('package refuses an environment with empty values, naming them, and writes nothing', async () => {
    const root = path.join(scratch, 'project');
    cpSync(path.join(repoRoot, 'appPackage'), path.join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
    mkdirSync(path.join(root, 'env'));
    writeFileSync(path.join(root, 'env', '.env.fresh'), 'TEAMSFX_ENV=fresh\nTAB_DOMAIN=\nDEVELOPER_NAME=\nTEAMS_APP_ID=\nENTRA_CLIENT_ID=\n');
    const out = capture();
    expect(await packageCommand(root, ['--env=fresh'], out)).toBe(1);
    expect(out.text()).toMatch(/Cannot build the "fresh" package: these placeholders have no value: TEAMS_APP_ID, DEVELOPER_NAME, TAB_DOMAIN, ENTRA_CLIENT_ID/);
    expect(existsSync(path.join(root, 'appPackage', 'build'))).toBe(false);
  });
});
