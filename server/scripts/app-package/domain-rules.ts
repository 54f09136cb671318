import { problem, shown, type Problem } from './problem';

/** Teams (admin upload and Developer Portal) accepts at most this many `validDomains`. */
export const MAX_VALID_DOMAINS = 16;

/**
 * Hosts shared by many tenants' sites: a wildcard over one of them would trust everyone else's
 * site too, so `*.azurewebsites.net` is refused while `unplug.azurewebsites.net` is fine.
 */
export const SHARED_HOSTS: readonly string[] = [
  'azurewebsites.net', 'azurestaticapps.net', 'azurecontainerapps.io', 'azureedge.net', 'azurefd.net',
  'cloudapp.net', 'cloudapp.azure.com', 'trafficmanager.net', 'core.windows.net', 'windows.net',
  'devtunnels.ms', 'onmicrosoft.com', 'sharepoint.com', 'microsoft.com', 'office.com', 'office365.com',
  'cloud.microsoft', 'microsoft365.com', 'azure.com', 'appspot.com', 'cloudfunctions.net', 'run.app',
  'web.app', 'firebaseapp.com', 'amazonaws.com', 'cloudfront.net', 'herokuapp.com', 'github.io',
  'githubusercontent.com', 'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'ngrok.io',
  'ngrok.app', 'ngrok-free.app', 'ngrok-free.dev', 'loca.lt', 'trycloudflare.com', 'onrender.com',
  'fly.dev', 'glitch.me', 'replit.app', 'repl.co',
];

/**
 * Identity providers' sign-in hosts. Teams opens these itself during authentication; listing
 * them in `validDomains` is refused.
 */
export const IDENTITY_PROVIDER_HOSTS: readonly string[] = [
  'login.microsoftonline.com', 'login.microsoft.com', 'login.windows.net', 'login.live.com',
  'sts.windows.net', 'b2clogin.com', 'ciamlogin.com', 'accounts.google.com', 'facebook.com',
  'appleid.apple.com', 'okta.com', 'oktapreview.com', 'auth0.com', 'onelogin.com', 'pingidentity.com',
];

/** Suffixes under which anyone can register a name: a wildcard directly over them is far too broad. */
const PUBLIC_SUFFIXES = new Set(['com', 'net', 'org', 'io', 'app', 'dev', 'co', 'info', 'biz', 'cloud',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.in', 'com.br', 'co.za']);

const LABEL = /^(\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$/;

const isUnder = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/** Whether a `validDomains` entry (possibly with `*` labels) covers a concrete host name. */
export function domainCovers(entry: string, host: string): boolean {
  const want = entry.toLowerCase().split('.');
  const have = host.toLowerCase().split('.');
  return want.length === have.length && want.every((label, i) => label === '*' || label === have[i]);
}

function checkEntry(entry: string): Problem[] {
  const rule = 'valid-domains';
  const where = `validDomains entry ${shown(entry)}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.includes('/')) {
    return [problem(rule, `${where} must be a bare host name such as unplug.contoso.com, without scheme or path.`)];
  }
  const host = entry.toLowerCase().replace(/:\d+$/, '');
  const labels = host.split('.');
  if (labels.some((label) => label.includes('*') && label !== '*')) {
    return [problem(rule, `${where} uses "*" inside a label; a wildcard must be a whole segment, as in *.contoso.com.`)];
  }
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return [problem(rule, `${where} is not a valid host name.`)];
  }
  const problems: Problem[] = [];
  const fixed = labels.filter((label) => label !== '*').join('.');
  const wildcardOverOwnDomain = host.includes('*') && !PUBLIC_SUFFIXES.has(fixed);
  const provider = IDENTITY_PROVIDER_HOSTS.find((idp) => isUnder(fixed, idp) || (wildcardOverOwnDomain && isUnder(idp, fixed)));
  if (provider) {
    problems.push(problem(rule, `${where} is an identity provider's sign-in domain (${provider}); Teams handles sign-in itself and refuses these in validDomains.`));
  }
  if (host.includes('*')) {
    const lastWildcard = labels.lastIndexOf('*');
    const under = labels.slice(lastWildcard + 1).join('.');
    if (under === '' || PUBLIC_SUFFIXES.has(under)) {
      problems.push(problem(rule, `${where} puts a wildcard over a whole top-level domain; name your own domain instead.`));
    } else if (SHARED_HOSTS.some((shared) => isUnder(shared, under))) {
      problems.push(problem(rule, `${where} puts a wildcard over a shared host (${under}), which would trust every other customer's site there; list your own host name instead.`));
    }
  }
  return problems;
}

/** The `validDomains` rules Teams enforces on upload that the JSON schema does not express. */
export function checkValidDomains(validDomains: unknown): Problem[] {
  if (!Array.isArray(validDomains)) return [];
  const problems: Problem[] = [];
  if (validDomains.length > MAX_VALID_DOMAINS) {
    problems.push(problem('valid-domains', `validDomains has ${validDomains.length} entries; Teams accepts at most ${MAX_VALID_DOMAINS}.`));
  }
  for (const entry of validDomains) {
    if (typeof entry === 'string') problems.push(...checkEntry(entry));
  }
  return problems;
}
