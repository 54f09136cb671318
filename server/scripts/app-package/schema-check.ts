import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { problem, shown, type Problem } from './problem';

/**
 * The official Teams manifest JSON schemas ship inside `@microsoft/app-manifest`
 * (`build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json`), so validation needs no
 * network. They are draft-04; `strict: false` lets Ajv skip the vendor keywords they contain.
 */
const require = createRequire(import.meta.url);
const schemasDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The manifest versions whose schema is bundled, e.g. `1.30`, `devPreview`. */
export function bundledManifestVersions(): string[] {
  return readdirSync(schemasDir).filter((d) => d.startsWith('v')).map((d) => (d === 'vDevPreview' ? 'devPreview' : d.slice(1)));
}

/** The newest stable (numbered) manifest version bundled. */
export function latestStableManifestVersion(): string {
  const numbered = bundledManifestVersions().filter((v) => /^\d+\.\d+$/.test(v));
  const key = (v: string) => v.split('.').map(Number) as [number, number];
  return numbered.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]).at(-1)!;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(manifestVersion: string): ValidateFunction | undefined {
  const dir = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const file = path.join(schemasDir, dir, 'MicrosoftTeams.schema.json');
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion) || !existsSync(file)) return undefined;
  let validate = compiled.get(manifestVersion);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    compiled.set(manifestVersion, validate);
  }
  return validate;
}

/** `/staticTabs/0/contentUrl` → `staticTabs[0].contentUrl`, the way people write manifest paths. */
export function jsonPointerToPath(pointer: string): string {
  if (pointer === '') return '(the manifest)';
  return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function describe(error: ErrorObject, manifest: unknown): string {
  const where = jsonPointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(manifest, error.instancePath);
  switch (error.keyword) {
    case 'required': return `${where} is missing the required property "${String(params.missingProperty)}".`;
    case 'additionalProperties': return `${where} has the property "${String(params.additionalProperty)}", which this manifest version does not allow.`;
    case 'enum': return `${where} is ${shown(value)}; allowed: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const': return `${where} is ${shown(value)}; it must be ${JSON.stringify(params.allowedValue)}.`;
    case 'pattern': return `${where} is ${shown(value)}, which does not match the required pattern ${String(params.pattern)}.`;
    case 'maxLength': return `${where} is ${String(value).length} characters long; at most ${String(params.limit)} allowed.`;
    case 'maxItems': return `${where} has ${(value as unknown[]).length} entries; at most ${String(params.limit)} allowed.`;
    default: return `${where} ${error.message ?? 'is invalid'}${value === undefined || typeof value === 'object' ? '' : ` (got ${shown(value)})`}.`;
  }
}

/**
 * Checks a manifest against the official schema of its own `manifestVersion`, and that its
 * `$schema` names the same version. Messages name the field, e.g. `staticTabs[0].name`.
 */
export function checkSchema(manifest: unknown): Problem[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return [problem('schema', 'manifest.json must be a JSON object.')];
  }
  const { manifestVersion, $schema } = manifest as Record<string, unknown>;
  if (typeof manifestVersion !== 'string') return [problem('schema', 'manifest.json has no "manifestVersion" string.')];
  const validate = validatorFor(manifestVersion);
  if (!validate) {
    return [problem('schema', `manifestVersion ${shown(manifestVersion)} has no bundled schema in @microsoft/app-manifest; known versions: ${bundledManifestVersions().join(', ')}.`)];
  }
  const problems: Problem[] = [];
  const schemaVersion = typeof $schema === 'string' ? /\/teams\/v([^/]+)\/MicrosoftTeams\.schema\.json$/i.exec($schema)?.[1] : undefined;
  if (typeof $schema === 'string' && schemaVersion?.toLowerCase() !== manifestVersion.toLowerCase()) {
    problems.push(problem('schema', `$schema ${shown($schema)} does not name the schema of manifestVersion ${manifestVersion}.`));
  }
  if (!validate(manifest)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const message = `Schema ${manifestVersion}: ${describe(error, manifest)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push(problem('schema', message));
    }
  }
  return problems;
}
