import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Parses a Toolkit environment file (`env/.env.<name>`): `KEY=VALUE` lines, `#` comments, values
 * optionally in single or double quotes. The same subset of dotenv the Agents Toolkit writes.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    values.set(match[1]!, unquote(match[2]!));
  }
  return values;
}

function unquote(raw: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(raw);
  if (quoted) return quoted[2]!;
  // An unquoted value ends where a ` #` comment starts.
  return raw.replace(/\s+#.*$/, '').trim();
}

export interface LoadedEnvironment {
  values: Map<string, string>;
  /** The files read, relative to the project root, in the order they were applied. */
  files: string[];
}

export class EnvironmentNotFoundError extends Error {
  constructor(readonly envName: string, readonly expectedFile: string) {
    super(`There is no environment "${envName}": ${expectedFile} does not exist. Create it (see env/README.md), or pick another with --env <name>.`);
    this.name = 'EnvironmentNotFoundError';
  }
}

/**
 * Reads `env/.env.<name>` (committed, no secrets) and then `env/.env.<name>.user` (git-ignored,
 * secrets), the second overriding the first — the Agents Toolkit convention.
 */
export function loadEnvironment(root: string, envName: string): LoadedEnvironment {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(envName)) {
    throw new EnvironmentNotFoundError(envName, `env/.env.${envName}`);
  }
  const base = path.join('env', `.env.${envName}`);
  if (!existsSync(path.join(root, base))) throw new EnvironmentNotFoundError(envName, base);
  const values = new Map<string, string>();
  const files: string[] = [];
  for (const file of [base, `${base}.user`]) {
    const absolute = path.join(root, file);
    if (!existsSync(absolute)) continue;
    for (const [key, value] of parseEnvFile(readFileSync(absolute, 'utf8'))) values.set(key, value);
    files.push(file);
  }
  return { values, files };
}
