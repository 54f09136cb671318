import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPackage, MissingValuesError } from '../../../server/scripts/app-package/build';
import { EnvironmentNotFoundError, parseEnvFile } from '../../../server/scripts/app-package/env-file';
import { fillPlaceholders, placeholderNames } from '../../../server/scripts/app-package/placeholders';
import { readZip } from '../../../server/scripts/app-package/zip';
import { repoRoot } from './fixtures';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skipping comments and blank lines, unquoting values', () => {
    const values = parseEnvFile('# comment\n\nA=1\nB = two words # trailing comment\nC="quoted # not a comment"\nD=\'single\'\nexport E=e\nEMPTY=\nnot a line\n');
    expect(Object.fromEntries(values)).toEqual({ A: '1', B: 'two words', C: 'quoted # not a comment', D: 'single', E: 'e', EMPTY: '' });
  });
});

describe('fillPlaceholders', () => {
  it('fills ${{NAME}} (spaces allowed) and lists the names with no value, once each', () => {
    const template = '{"a": "${{ONE}}", "b": "${{ TWO }}/${{ONE}}", "c": "${{EMPTY}}", "d": "${{ABSENT}}"}';
    expect(placeholderNames(template)).toEqual(['ONE', 'TWO', 'EMPTY', 'ABSENT']);
    const filled = fillPlaceholders(template, new Map([['ONE', '1'], ['TWO', '2'], ['EMPTY', '  ']]));
    expect(filled.missing).toEqual(['EMPTY', 'ABSENT']);
    expect(filled.text).toBe('{"a": "1", "b": "2/1", "c": "${{EMPTY}}", "d": "${{ABSENT}}"}');
  });

  it('escapes values so they stay inside their JSON string', () => {
    const filled = fillPlaceholders('{"name": "${{NAME}}"}', new Map([['NAME', 'Contoso "IT" \\ Ops']]));
    expect(JSON.parse(filled.text)).toEqual({ name: 'Contoso "IT" \\ Ops' });
  });
});

describe('buildPackage', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** A scratch project: the real appPackage/ and env/.env.dev, plus `extra` env files. */
  function scratchProject(extra: Record<string, string>): string {
    root = mkdtempSync(path.join(tmpdir(), 'unplug-package-'));
    cpSync(path.join(repoRoot, 'appPackage'), path.join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
    cpSync(path.join(repoRoot, 'env', '.env.dev'), path.join(root, 'env', '.env.dev'));
    for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(root, 'env', name), text);
    return root;
  }

  it('builds the dev package from the committed files, with no problems, and names where the zip goes', async () => {
    const built = await buildPackage(repoRoot, 'dev');
    expect(built.problems).toEqual([]);
    expect(built.zipPath).toBe(path.join('appPackage', 'build', 'appPackage.dev.zip'));
    expect(built.envFiles).toEqual([path.join('env', '.env.dev')]);
    expect(built.warnings).toEqual([expect.stringMatching(/TAB_DOMAIN is the sample domain unplug-dev\.example\.com/)]);
  });

  it('refuses, naming each variable, when a placeholder has no value', async () => {
    const dir = scratchProject({ '.env.staging': 'TEAMS_APP_ID=c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef\nTAB_DOMAIN=\n' });
    const attempt = buildPackage(dir, 'staging');
    await expect(attempt).rejects.toBeInstanceOf(MissingValuesError);
    await expect(attempt).rejects.toThrow(/no value: DEVELOPER_NAME, TAB_DOMAIN, ENTRA_CLIENT_ID\.[\s\S]*set them in env\/\.env\.staging \(or, for secrets, in the git-ignored env\/\.env\.staging\.user\)/);
  });

  it('lets env/.env.<name>.user add and override values', async () => {
    const dir = scratchProject({
      '.env.staging': 'TEAMS_APP_ID=c6e16fbc-9b94-43fe-9dff-9bc9cf4db2ef\nENTRA_CLIENT_ID=2aca62d1-f325-403c-9f1c-9573e6790b35\nDEVELOPER_NAME=Contoso IT\nTAB_DOMAIN=wrong.contoso.com\n',
      '.env.staging.user': 'TAB_DOMAIN=unplug.contoso.com\n',
    });
    const built = await buildPackage(dir, 'staging');
    expect(built.problems).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(built.envFiles).toEqual([path.join('env', '.env.staging'), path.join('env', '.env.staging.user')]);
    const manifest = JSON.parse((await readZip(built.zip)).get('manifest.json')!.toString()) as { validDomains: string[]; developer: { name: string } };
    expect(manifest.validDomains).toEqual(['unplug.contoso.com']);
    expect(manifest.developer.name).toBe('Contoso IT');
  });

  it('reports a filled package that breaks a rule instead of passing it', async () => {
    const dir = scratchProject({ '.env.bad': 'TEAMS_APP_ID=not-a-guid\nENTRA_CLIENT_ID=2aca62d1-f325-403c-9f1c-9573e6790b35\nDEVELOPER_NAME=Contoso IT\nTAB_DOMAIN=unplug.contoso.com\n' });
    const built = await buildPackage(dir, 'bad');
    expect(built.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^id must be a GUID/));
  });

  it('refuses an environment that has no file', async () => {
    await expect(buildPackage(repoRoot, 'nosuchenv')).rejects.toBeInstanceOf(EnvironmentNotFoundError);
    await expect(buildPackage(repoRoot, '../etc')).rejects.toThrow(/There is no environment "\.\.\/etc"/);
  });

  it('gives the same zip bytes for the same inputs', async () => {
    const [a, b] = await Promise.all([buildPackage(repoRoot, 'dev'), buildPackage(repoRoot, 'dev')]);
    expect(a.zip.equals(b.zip)).toBe(true);
  });
});
