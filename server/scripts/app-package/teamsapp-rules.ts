import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseEnvFile } from './env-file';
import { placeholderNames } from './placeholders';
import { problem, type Problem } from './problem';
import { BUILT_IN_VARIABLES, COMMON_STEP_KEYS, LIFECYCLES, TOOLKIT_ACTIONS, TOOLKIT_YAML_VERSION } from './toolkit-actions';

type Step = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `with` keys that name an input file which must exist in the repository. */
const INPUT_FILE_KEYS = new Set(['manifestPath']);
/** `with` keys that name an output: it must land in a git-ignored build folder. */
const OUTPUT_KEYS = new Set(['outputFilePath', 'outputZipPath', 'outputFolder']);
const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;
const SECRET_VAR_NAME = /^SECRET_[A-Z0-9_]+$/;

function keysProblems(where: string, what: string, given: Record<string, unknown>, shape: { required: readonly string[]; optional: readonly string[] }): Problem[] {
  const allowed = new Set([...shape.required, ...shape.optional]);
  return [
    ...shape.required.filter((k) => !(k in given)).map((k) => problem('teamsapp', `${where}: ${what} is missing "${k}".`)),
    ...Object.keys(given).filter((k) => !allowed.has(k)).map((k) => problem('teamsapp', `${where}: ${what} has "${k}", which this action does not take.`)),
  ];
}

function stepProblems(where: string, step: Step, root: string, written: Set<string>, zips: Set<string>): Problem[] {
  const uses = step.uses;
  if (typeof uses !== 'string') return [problem('teamsapp', `${where} has no "uses".`)];
  const shape = TOOLKIT_ACTIONS[uses];
  if (!shape) return [problem('teamsapp', `${where} uses "${uses}", which is not a known Agents Toolkit action (see https://aka.ms/teamsfx-actions).`)];
  const problems: Problem[] = Object.keys(step).filter((k) => !COMMON_STEP_KEYS.includes(k)).map((k) => problem('teamsapp', `${where} (${uses}) has the unknown key "${k}".`));
  const withArgs = isObject(step.with) ? step.with : {};
  problems.push(...keysProblems(`${where} (${uses})`, '"with"', withArgs, shape.with));

  for (const [key, value] of Object.entries(withArgs)) {
    if (typeof value !== 'string') continue;
    const file = path.normalize(value.replace(/\$\{\{\s*TEAMSFX_ENV\s*\}\}/g, 'ENV'));
    if (INPUT_FILE_KEYS.has(key) && !existsSync(path.join(root, file))) {
      problems.push(problem('teamsapp', `${where} (${uses}): ${key} ${value} does not exist.`));
    }
    if (OUTPUT_KEYS.has(key) && !file.startsWith(path.normalize('appPackage/build'))) {
      problems.push(problem('teamsapp', `${where} (${uses}): ${key} ${value} should be under ./appPackage/build, which git ignores.`));
    }
    if (key === 'outputZipPath') zips.add(value);
    if (key === 'appPackagePath' && !zips.has(value)) {
      problems.push(problem('teamsapp', `${where} (${uses}): appPackagePath ${value} is not built by an earlier teamsApp/zipAppPackage step of this lifecycle.`));
    }
  }
  if (uses === 'script' && typeof withArgs.run === 'string') {
    const script = /^npm run ([\w:-]+)/.exec(withArgs.run)?.[1];
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    if (script && !(script in scripts)) problems.push(problem('teamsapp', `${where} (script) runs "npm run ${script}", which package.json does not define.`));
  }

  const writes = step.writeToEnvironmentFile;
  if (shape.writes) {
    problems.push(...keysProblems(`${where} (${uses})`, '"writeToEnvironmentFile"', isObject(writes) ? writes : {}, shape.writes));
    for (const [key, name] of Object.entries(isObject(writes) ? writes : {})) {
      if (typeof name !== 'string' || !ENV_VAR_NAME.test(name)) problems.push(problem('teamsapp', `${where} (${uses}): writeToEnvironmentFile.${key} must be an UPPER_CASE variable name.`));
      else if (/secret|password/i.test(key) && !SECRET_VAR_NAME.test(name)) problems.push(problem('teamsapp', `${where} (${uses}): writeToEnvironmentFile.${key} is a secret, so its variable must start with SECRET_ (it then goes to the git-ignored .env.<env>.user), not ${name}.`));
      else written.add(name);
    }
  } else if (writes !== undefined) {
    problems.push(problem('teamsapp', `${where} (${uses}) has writeToEnvironmentFile, but this action writes nothing.`));
  }
  if (uses === 'aadApp/update' && typeof withArgs.manifestPath === 'string') written.add('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  return problems;
}

/**
 * Checks teamsapp.yml: it parses, has the yaml version we know, uses only known actions with the
 * keys each takes, has a comment on every action, refers to files that exist, and every
 * `${{VAR}}` it uses is declared in env/.env.prod, built in, or written by an earlier step.
 */
export function checkTeamsappYml(root: string, file = 'teamsapp.yml'): Problem[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return doc.errors.map((e) => problem('teamsapp', `${file} does not parse: ${e.message}`));
  const config = doc.toJS() as unknown;
  if (!isObject(config)) return [problem('teamsapp', `${file} must be a YAML mapping.`)];
  const problems: Problem[] = [];
  if (config.version !== TOOLKIT_YAML_VERSION) problems.push(problem('teamsapp', `${file} has version ${String(config.version)}; these checks know ${TOOLKIT_YAML_VERSION}.`));
  const envFolder = typeof config.environmentFolderPath === 'string' ? config.environmentFolderPath : './env';
  if (!existsSync(path.join(root, envFolder))) problems.push(problem('teamsapp', `${file}: environmentFolderPath ${envFolder} does not exist.`));

  const declared = new Set([...BUILT_IN_VARIABLES, ...parseEnvFile(readFileSync(path.join(root, envFolder, '.env.prod'), 'utf8')).keys()]);
  for (const key of Object.keys(config)) {
    if (!['version', 'environmentFolderPath', 'projectId', 'additionalMetadata', ...LIFECYCLES].includes(key)) problems.push(problem('teamsapp', `${file} has the unknown top-level key "${key}".`));
  }
  for (const lifecycle of LIFECYCLES) {
    const steps = config[lifecycle];
    if (steps === undefined) continue;
    if (!Array.isArray(steps)) {
      problems.push(problem('teamsapp', `${file}: ${lifecycle} must be a list of actions.`));
      continue;
    }
    const written = new Set<string>();
    const zips = new Set<string>();
    for (const [i, step] of steps.entries()) {
      const where = `${lifecycle}[${i}]`;
      if (!isObject(step)) {
        problems.push(problem('teamsapp', `${where} is not an action.`));
        continue;
      }
      for (const name of placeholderNames(JSON.stringify(step))) {
        if (!declared.has(name) && !written.has(name)) problems.push(problem('teamsapp', `${where} (${String(step.uses)}) uses \${{${name}}}, which env/.env.prod does not declare and no earlier step writes.`));
      }
      problems.push(...stepProblems(where, step, root, written, zips));
    }
  }
  problems.push(...uncommentedActions(text, file));
  problems.push(...serverEnvProblems(config, file));
  return problems;
}

/** What the `.env` written for the server must hold (server/src/config.ts reads these names). */
const SERVER_ENV_REQUIRED = ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'TAB_DOMAIN', 'ENTRA_TENANT_ID', 'TEAMS_APP_ID'] as const;

/**
 * The provision step that writes the server's `./.env` must give it everything Microsoft 365 mode
 * needs, and `HOST=0.0.0.0`: without it the server listens on 127.0.0.1 and nothing in front of
 * it (load balancer, reverse proxy, container port) reaches it.
 */
function serverEnvProblems(config: Record<string, unknown>, file: string): Problem[] {
  const steps = Array.isArray(config.provision) ? config.provision.filter(isObject) : [];
  const step = steps.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile' && isObject(s.with) && typeof s.with.target === 'string' && /^(\.\/)?\.env$/.test(s.with.target));
  if (!step || !isObject(step.with)) return [problem('teamsapp', `${file}: provision has no file/createOrUpdateEnvironmentFile step writing the server's ./.env.`)];
  const envs = isObject(step.with.envs) ? step.with.envs : {};
  const problems: Problem[] = [];
  if (!['0.0.0.0', '::'].includes(String(envs.HOST ?? ''))) {
    problems.push(problem('teamsapp', `${file}: the ./.env it writes for the server must set HOST: 0.0.0.0 (got ${envs.HOST === undefined ? 'no HOST' : `"${String(envs.HOST)}"`}); the server's default, 127.0.0.1, is unreachable behind a real host.`));
  }
  for (const name of SERVER_ENV_REQUIRED) {
    if (envs[name] === undefined) problems.push(problem('teamsapp', `${file}: the ./.env it writes for the server lacks ${name}, which Microsoft 365 mode needs.`));
  }
  return problems;
}

/** Every `- uses:` line must have a comment right above it saying what the action does. */
function uncommentedActions(text: string, file: string): Problem[] {
  const lines = text.split(/\r?\n/);
  const problems: Problem[] = [];
  for (const [i, line] of lines.entries()) {
    const action = /^\s*-\s+uses:\s*(\S+)/.exec(line)?.[1];
    if (!action) continue;
    if (!/^\s*#/.test(lines[i - 1] ?? '')) problems.push(problem('teamsapp', `${file} line ${i + 1}: the ${action} action has no comment above it saying what it does.`));
  }
  return problems;
}
