import { domainCovers } from './domain-rules';
import { problem, shown, type Problem } from './problem';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Words an app name may not contain: Teams refuses names that use "Teams" or Microsoft's product
 * and feature names (store validation guidelines, enforced on upload).
 */
export const RESERVED_NAME_WORDS: readonly string[] = [
  'Teams', 'Microsoft', 'Office', 'Outlook', 'Skype', 'Windows', 'Azure', 'SharePoint', 'OneDrive',
  'OneNote', 'Excel', 'PowerPoint', 'Yammer', 'Viva', 'Copilot', 'Dynamics', 'Power BI',
  'Power Apps', 'Power Automate', 'Entra', 'Intune', 'Bing', 'Xbox',
  'Microsoft 365', 'Office 365', 'M365', 'O365',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every string in the manifest with its path, e.g. `staticTabs[0].contentUrl`. */
function* strings(node: unknown, where: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [where, node];
  else if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* strings(item, `${where}[${i}]`);
  else if (isObject(node)) for (const [key, value] of Object.entries(node)) yield* strings(value, where ? `${where}.${key}` : key);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * https only: the schema lets `http://` through, Teams does not. Any field named `…Url` must be an
 * absolute https URL, and no other string may be an http URL either.
 */
export function checkUrls(manifest: Json): Problem[] {
  const problems: Problem[] = [];
  for (const [where, value] of strings(manifest, '')) {
    if (where === '$schema') continue;
    const isUrlField = /url$/i.test(where);
    const looksLikeWebUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^api:\/\//i.test(value);
    if (!isUrlField && !looksLikeWebUrl) continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.protocol !== 'https:' || parsed.hostname === '') {
      problems.push(problem('https', `${where} must be an absolute https:// URL (got ${shown(value)}).`));
    }
  }
  return problems;
}

/** `id` and `webApplicationInfo.id` are GUIDs; said plainly here, not only as a schema pattern. */
export function checkIds(manifest: Json): Problem[] {
  const problems: Problem[] = [];
  if (typeof manifest.id === 'string' && !GUID.test(manifest.id)) {
    problems.push(problem('ids', `id must be a GUID, the Teams app id (got ${shown(manifest.id)}).`));
  }
  const info = manifest.webApplicationInfo;
  if (isObject(info) && typeof info.id === 'string' && !GUID.test(info.id)) {
    problems.push(problem('ids', `webApplicationInfo.id must be a GUID, the Entra app's client id (got ${shown(info.id)}).`));
  }
  return problems;
}

/** The host every tab page is served from; SSO and validDomains are checked against it. */
export function tabHosts(manifest: Json): Map<string, string> {
  const hosts = new Map<string, string>();
  const add = (where: string, url: unknown) => {
    const host = typeof url === 'string' ? hostOf(url) : undefined;
    if (host) hosts.set(where, host);
  };
  for (const [i, tab] of (Array.isArray(manifest.staticTabs) ? manifest.staticTabs : []).entries()) {
    if (isObject(tab)) add(`staticTabs[${i}].contentUrl`, tab.contentUrl);
  }
  for (const [i, tab] of (Array.isArray(manifest.configurableTabs) ? manifest.configurableTabs : []).entries()) {
    if (isObject(tab)) add(`configurableTabs[${i}].configurationUrl`, tab.configurationUrl);
  }
  return hosts;
}

/**
 * SSO: `webApplicationInfo.resource` must be `api://<tab domain>/<client id>` — the Application
 * ID URI of the Entra app, on the domain the tabs are served from — and every tab's host must be
 * in `validDomains`.
 */
export function checkSsoAndTabDomains(manifest: Json): Problem[] {
  const problems: Problem[] = [];
  const hosts = tabHosts(manifest);
  const validDomains = Array.isArray(manifest.validDomains) ? manifest.validDomains.filter((d): d is string => typeof d === 'string') : [];
  for (const [where, host] of hosts) {
    if (!validDomains.some((entry) => domainCovers(entry, host))) {
      problems.push(problem('tab-domain', `${where} is served from ${host}, which validDomains does not list.`));
    }
  }
  const info = manifest.webApplicationInfo;
  if (!isObject(info)) return problems;
  const tabDomain = [...hosts.values()][0];
  const clientId = typeof info.id === 'string' ? info.id : '';
  const resource = typeof info.resource === 'string' ? info.resource : undefined;
  if (resource === undefined) {
    problems.push(problem('sso', 'webApplicationInfo.resource is missing; SSO needs api://<tab domain>/<client id>.'));
  } else if (tabDomain) {
    const expected = `api://${tabDomain}/${clientId}`;
    if (resource.toLowerCase() !== expected.toLowerCase()) {
      const resourceHost = /^api:\/\/([^/]+)\//i.exec(resource)?.[1];
      const why = resourceHost && resourceHost.toLowerCase() !== tabDomain ? `names ${resourceHost}, but the tabs are served from ${tabDomain}` : 'does not match the tab domain and client id';
      problems.push(problem('sso', `webApplicationInfo.resource ${shown(resource)} ${why}; it must be ${shown(expected)}.`));
    }
  }
  return problems;
}

/** Names may not use "Teams" or Microsoft product names. */
export function checkNames(manifest: Json): Problem[] {
  const problems: Problem[] = [];
  const name = isObject(manifest.name) ? manifest.name : {};
  for (const field of ['short', 'full'] as const) {
    const value = name[field];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') problems.push(problem('name', `name.${field} is empty.`));
    const reserved = RESERVED_NAME_WORDS.find((word) => new RegExp(`(^|[^a-z0-9])${word.replace(/ /g, '\\s*')}($|[^a-z0-9])`, 'i').test(value));
    if (reserved) {
      problems.push(problem('name', `name.${field} ${shown(value)} contains "${reserved}"; app names may not use "Teams" or Microsoft product names.`));
    }
  }
  return problems;
}

/** Placeholders left over mean the manifest was zipped without being filled from an environment. */
export function checkNoPlaceholders(manifestText: string): Problem[] {
  const names = [...new Set([...manifestText.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!))];
  return names.map((name) => problem('placeholders', `manifest.json still contains the placeholder \${{${name}}}; build the package with \`npm run package -- --env <name>\`, which fills it from env/.env.<name>.`));
}

/**
 * Activity-feed notifications (`activities.activityTypes`,
 * https://learn.microsoft.com/en-us/graph/teams-send-activityfeednotifications): each type once,
 * never the reserved `systemDefault`, and `webApplicationInfo` present, which Graph needs to find
 * the app that sends.
 */
export function checkActivities(manifest: Json): Problem[] {
  const activities = manifest.activities;
  if (!isObject(activities) || !Array.isArray(activities.activityTypes)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of activities.activityTypes.entries()) {
    const type = isObject(entry) ? entry.type : undefined;
    if (typeof type !== 'string') continue; // the schema says so
    if (type === 'systemDefault') problems.push(problem('activities', `activities.activityTypes[${i}] declares "systemDefault", a reserved activity type that must not be declared.`));
    if (seen.has(type)) problems.push(problem('activities', `activities.activityTypes[${i}] declares ${shown(type)} again; each activity type must be unique.`));
    seen.add(type);
  }
  if (activities.activityTypes.length > 0 && !isObject(manifest.webApplicationInfo)) {
    problems.push(problem('activities', 'activities are declared but webApplicationInfo is missing; activity-feed notifications need the Entra app id there.'));
  }
  return problems;
}
