import { checkValidDomains } from './domain-rules';
import { checkColorIcon, checkOutlineIcon } from './icon-rules';
import { checkActivities, checkIds, checkNames, checkNoPlaceholders, checkSsoAndTabDomains, checkUrls } from './manifest-rules';
import { problem, type Problem } from './problem';
import { checkSchema } from './schema-check';
import { readZip, ZipReadError } from './zip';

/**
 * Validates the files of an app package (name → bytes, as in the zip): manifest.json at the root,
 * the official schema, the upload rules the schema does not express, and both icons. Returns
 * every problem found; an empty list means the package passes.
 */
export function validatePackageFiles(files: ReadonlyMap<string, Buffer>): Problem[] {
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) {
    const nested = [...files.keys()].find((name) => name.endsWith('/manifest.json'));
    return [problem('layout', nested
      ? `manifest.json must be at the root of the zip, not in a folder (found ${nested}); zip the files, not their folder.`
      : 'The package has no manifest.json at its root.')];
  }
  const manifestText = manifestBytes.toString('utf8').replace(/^\uFEFF/, '');
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    return [problem('layout', `manifest.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`)];
  }
  const problems = [...checkNoPlaceholders(manifestText), ...checkSchema(manifest)];
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return problems;
  const json = manifest as Record<string, unknown>;
  problems.push(...checkIds(json), ...checkUrls(json), ...checkValidDomains(json.validDomains), ...checkSsoAndTabDomains(json), ...checkNames(json), ...checkActivities(json));
  problems.push(...checkIcons(json, files));
  return problems;
}

function checkIcons(manifest: Record<string, unknown>, files: ReadonlyMap<string, Buffer>): Problem[] {
  const icons = manifest.icons as Record<string, unknown> | undefined;
  if (!icons || typeof icons !== 'object') return [];
  const problems: Problem[] = [];
  for (const [kind, check] of [['color', checkColorIcon], ['outline', checkOutlineIcon]] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') continue;
    const bytes = files.get(file.replace(/^\.\//, ''));
    if (!bytes) problems.push(problem('icons', `icons.${kind} names ${file}, which is not in the package.`));
    else problems.push(...check(file, bytes));
  }
  return problems;
}

/** Validates a zipped app package the same way. */
export async function validateZip(bytes: Buffer): Promise<Problem[]> {
  let files: Map<string, Buffer>;
  try {
    files = await readZip(bytes);
  } catch (error) {
    if (error instanceof ZipReadError) return [problem('layout', `The package is ${error.message}.`)];
    throw error;
  }
  return validatePackageFiles(files);
}
