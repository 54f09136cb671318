import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './env-file';
import { fillPlaceholders } from './placeholders';
import type { Problem } from './problem';
import { validatePackageFiles } from './validate';
import { writeZip } from './zip';

export interface BuiltPackage {
  /** Where the zip belongs, relative to the project root: `appPackage/build/appPackage.<env>.zip`. */
  zipPath: string;
  zip: Buffer;
  /** The filled manifest, for people to read. */
  manifestText: string;
  /** The environment files read, in order. */
  envFiles: string[];
  problems: Problem[];
  /** Things that do not stop a package but deserve a look, e.g. sample values. */
  warnings: string[];
}

export class MissingValuesError extends Error {
  constructor(readonly envName: string, readonly missing: string[], readonly envFiles: string[]) {
    super(`Cannot build the "${envName}" package: ${missing.length === 1 ? 'this placeholder has' : 'these placeholders have'} no value: ${missing.join(', ')}.\n`
      + `appPackage/manifest.json uses ${missing.map((m) => `\${{${m}}}`).join(', ')}; set ${missing.length === 1 ? 'it' : 'them'} in env/.env.${envName} `
      + `(or, for secrets, in the git-ignored env/.env.${envName}.user). Read: ${envFiles.join(', ')}.`);
    this.name = 'MissingValuesError';
  }
}

/** Sample domains (RFC 2606) cannot serve a real tab: fine for checking, wrong for uploading. */
const SAMPLE_DOMAIN = /(^|\.)(example\.(com|net|org)|localhost|test|invalid)$/i;

/**
 * Builds the app package of one environment: fills `appPackage/manifest.json` from
 * `env/.env.<env>` (+ `.user`), refuses when a placeholder has no value, and validates the result.
 * It writes nothing; the caller writes `zip` to `zipPath` when `problems` is empty.
 */
export async function buildPackage(root: string, envName: string): Promise<BuiltPackage> {
  const env = loadEnvironment(root, envName);
  const appPackageDir = path.join(root, 'appPackage');
  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const { text, missing } = fillPlaceholders(template, env.values);
  if (missing.length > 0) throw new MissingValuesError(envName, missing, env.files);

  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(text, 'utf8')]]);
  const manifest = JSON.parse(text) as { icons?: Record<string, unknown> };
  for (const icon of Object.values(manifest.icons ?? {})) {
    if (typeof icon !== 'string') continue;
    const iconPath = path.join(appPackageDir, icon);
    if (existsSync(iconPath)) files.set(icon, readFileSync(iconPath));
  }
  const warnings = SAMPLE_DOMAIN.test(env.values.get('TAB_DOMAIN') ?? '')
    ? [`TAB_DOMAIN is the sample domain ${env.values.get('TAB_DOMAIN')}: this package passes the checks but cannot work in a real tenant. Use env/.env.prod (see docs/admin-guide.md).`]
    : [];
  return {
    zipPath: path.join('appPackage', 'build', `appPackage.${envName}.zip`),
    zip: await writeZip(files),
    manifestText: text,
    envFiles: env.files,
    problems: validatePackageFiles(files),
    warnings,
  };
}
