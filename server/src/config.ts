import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Where the repository root is, so defaults do not depend on the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Microsoft 365 (Entra ID) settings. Absent in demo mode. */
export interface EntraConfig {
  clientId: string;
  clientSecret: string;
  /** The tab's host name, e.g. `unplug.contoso.com`: the SSO audience is `api://<tabDomain>/<clientId>`. */
  tabDomain: string;
  /** The one tenant whose people may use this server (the registration is single-tenant). */
  tenantId: string;
  /** `[tenantId]`: what the token validator accepts. */
  tenantAllowList: string[];
}

export interface DemoFaults {
  latencyMs: number;
  /** Fraction (0–1) of Graph calls that answer 429 with `Retry-After`. */
  rate429: number;
  /** Fraction (0–1) of Graph calls that answer 503. */
  rate503: number;
}

/** Background jobs: presence sampling, automatic status, retention. */
export interface JobsConfig {
  /** `JOBS=off` runs no background work on this instance (another one does it). */
  enabled: boolean;
  /** How often opted-in people's presence is sampled. */
  presenceSampleMinutes: number;
  /** How often the automatic status looks for blocks and quiet windows starting or ending. */
  statusCheckSeconds: number;
  /** Sampling (and status) jobs this instance runs at once. */
  concurrency: number;
}

/**
 * `demo`: the built-in demo tenant (a Graph-compatible API and an identity provider that signs
 * anyone in) stands in for Microsoft 365. `m365`: Microsoft Entra ID and Graph.
 */
export type Mode = 'demo' | 'm365';

/** The value of `UNPLUG_DEMO_ACKNOWLEDGE` that lets the demo tenant run on a database or public URL. */
export const DEMO_ACKNOWLEDGEMENT = 'anyone-can-sign-in';

export interface Config {
  /** From `UNPLUG_MODE`, or from which variables are set (see `readMode`). */
  mode: Mode;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  databaseUrl: string | undefined;
  /** PGlite data folder (embedded store); `memory://` keeps it in memory. */
  dataDir: string;
  /** Folder of the built tab (client). */
  clientDir: string;
  /** `undefined` means demo mode: the built-in demo tenant stands in for Microsoft 365. */
  entra: EntraConfig | undefined;
  demoFaults: DemoFaults;
  jobs: JobsConfig;
  /**
   * Demo mode: the base URL of a demo tenant served elsewhere (another process), so several
   * server instances share one synthetic organisation; unset, this server serves its own.
   */
  demoTenantUrl: string | undefined;
  /**
   * The Teams app id (the manifest's `id`, `TEAMS_APP_ID`): activity-feed nudges deep-link into the
   * app's personal tab with it. Unset in Microsoft 365 mode, nudges are unavailable; demo mode
   * uses the demo app's id.
   */
  teamsAppId: string | undefined;
}

/** The Teams app id demo mode links to (no real app has it). */
export const DEMO_TEAMS_APP_ID = 'd3e0f00d-0000-4000-8000-00000000feed';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Reads and validates the configuration once, at start-up. Every problem is collected and named
 * with its variable, so one run shows everything that needs fixing.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const fraction = (name: string): number => {
    const raw = read(name);
    if (raw === undefined) return 0;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      problems.push(`${name} must be a number from 0 to 1 (got "${raw}")`);
      return 0;
    }
    return value;
  };
  const onOff = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'on' || raw === 'off') return raw === 'on';
    problems.push(`${name} must be on or off (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return raw.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL (got "${redactUrl(raw)}")`);
      return undefined;
    }
  };

  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const config: Config = {
    mode: 'demo',
    host: read('HOST') ?? '127.0.0.1',
    port: int('PORT', 3978, 0, 65535),
    logLevel,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: read('DATA_DIR') ?? path.join(repoRoot, '.data', 'pglite'),
    clientDir: read('CLIENT_DIR') ?? path.join(repoRoot, 'client', 'dist'),
    entra: readEntra(read, problems),
    demoFaults: {
      latencyMs: int('DEMO_GRAPH_LATENCY_MS', 0, 0, 60_000),
      rate429: fraction('DEMO_GRAPH_429_RATE'),
      rate503: fraction('DEMO_GRAPH_503_RATE'),
    },
    jobs: {
      enabled: onOff('JOBS', true),
      presenceSampleMinutes: int('PRESENCE_SAMPLE_MINUTES', 5, 1, 60),
      statusCheckSeconds: int('STATUS_CHECK_SECONDS', 60, 5, 600),
      concurrency: int('JOBS_CONCURRENCY', 4, 1, 16),
    },
    demoTenantUrl: url('DEMO_TENANT_URL', ['http:', 'https:']),
    teamsAppId: undefined,
  };
  const teamsAppId = read('TEAMS_APP_ID');
  if (teamsAppId !== undefined && !GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID must be a GUID: the id in the Teams app manifest (got "${teamsAppId}")`);
  config.teamsAppId = teamsAppId ?? (config.entra ? undefined : DEMO_TEAMS_APP_ID);
  if (config.entra && config.demoTenantUrl) problems.push('DEMO_TENANT_URL is for demo mode only: unset it, or the ENTRA_* variables');
  config.mode = readMode(read, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const ENTRA_VARIABLES = ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'TAB_DOMAIN', 'ENTRA_TENANT_ID', 'ENTRA_TENANT_IDS'] as const;

/**
 * Which mode, and whether it may start. The demo tenant mounts an identity provider that signs
 * anyone in, so it must never start by accident where real people or real data are: without
 * `UNPLUG_MODE`, demo is the default only when no ENTRA_* variable, no DATABASE_URL and no
 * PUBLIC_BASE_URL is set; and demo mode on a database or a public URL needs
 * `UNPLUG_MODE=demo` plus `UNPLUG_DEMO_ACKNOWLEDGE=anyone-can-sign-in`.
 */
function readMode(read: (name: string) => string | undefined, problems: string[]): Mode {
  const raw = read('UNPLUG_MODE')?.toLowerCase();
  const entraGiven = ENTRA_VARIABLES.filter((n) => read(n) !== undefined);
  const exposed = (['DATABASE_URL', 'PUBLIC_BASE_URL'] as const).filter((n) => read(n) !== undefined);
  const entraList = ENTRA_VARIABLES.filter((n) => n !== 'ENTRA_TENANT_IDS').join(', ');
  if (raw !== undefined && raw !== 'demo' && raw !== 'm365') {
    problems.push(`UNPLUG_MODE must be demo or m365 (got "${raw}")`);
    return entraGiven.length > 0 ? 'm365' : 'demo';
  }
  const mode: Mode = raw ?? (entraGiven.length > 0 ? 'm365' : 'demo');
  if (mode === 'm365') {
    // Missing or bad ENTRA_* values are reported by readEntra when some are given.
    if (entraGiven.length === 0) problems.push(`UNPLUG_MODE=m365 needs ${entraList}`);
    return mode;
  }
  if (entraGiven.length > 0) {
    problems.push(`UNPLUG_MODE=demo runs the demo tenant instead of Microsoft 365: unset ${entraGiven.join(', ')}, or set UNPLUG_MODE=m365`);
    return mode;
  }
  if (exposed.length === 0) return mode;
  const what = exposed.map((n) => (n === 'DATABASE_URL' ? 'DATABASE_URL (a real database)' : 'PUBLIC_BASE_URL (a public address)')).join(' and ');
  const acknowledgement = read('UNPLUG_DEMO_ACKNOWLEDGE');
  if (acknowledgement !== undefined && acknowledgement !== DEMO_ACKNOWLEDGEMENT) {
    problems.push(`UNPLUG_DEMO_ACKNOWLEDGE must be ${DEMO_ACKNOWLEDGEMENT} (got "${acknowledgement}")`);
  }
  const acknowledged = acknowledgement === DEMO_ACKNOWLEDGEMENT;
  if (raw === undefined) {
    problems.push(
      `${what} ${exposed.length > 1 ? 'are' : 'is'} set but no ENTRA_* variable is, so the server would start the demo tenant, ` +
        `whose identity provider signs anyone in. For Microsoft 365 set ${entraList}; ` +
        `to run the demo there on purpose set UNPLUG_MODE=demo and UNPLUG_DEMO_ACKNOWLEDGE=${DEMO_ACKNOWLEDGEMENT}`,
    );
  } else if (!acknowledged) {
    problems.push(
      `UNPLUG_MODE=demo with ${what}: the demo tenant's identity provider signs anyone in, so whoever reaches this server ` +
        `can read and write what it keeps. Set UNPLUG_DEMO_ACKNOWLEDGE=${DEMO_ACKNOWLEDGEMENT} to do it on purpose, or unset ${exposed.join(' and ')}`,
    );
  }
  return mode;
}

/**
 * The registration is single-tenant (`signInAudience: AzureADMyOrg` in aad.manifest.json): Entra
 * issues SSO tokens for this app to the home tenant's people only, so the server serves exactly
 * one tenant, `ENTRA_TENANT_ID`. `ENTRA_TENANT_IDS` (its earlier name) is still read, with one id.
 */
function readEntra(read: (name: string) => string | undefined, problems: string[]): EntraConfig | undefined {
  const names = ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'TAB_DOMAIN', 'ENTRA_TENANT_ID'] as const;
  const tenantRaw = read('ENTRA_TENANT_ID') ?? read('ENTRA_TENANT_IDS');
  const value = (n: (typeof names)[number]) => (n === 'ENTRA_TENANT_ID' ? tenantRaw : read(n));
  const given = names.filter((n) => value(n) !== undefined);
  if (given.length === 0) return undefined;
  const missing = names.filter((n) => value(n) === undefined);
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')} must be set too: Microsoft 365 mode needs all of ${names.join(', ')} (or none of them for demo mode)`);
    return undefined;
  }
  const clientId = read('ENTRA_CLIENT_ID')!;
  if (!GUID.test(clientId)) problems.push(`ENTRA_CLIENT_ID must be a GUID (got "${clientId}")`);
  const tabDomain = read('TAB_DOMAIN')!;
  if (!HOST_NAME.test(tabDomain)) problems.push(`TAB_DOMAIN must be a host name such as unplug.contoso.com, without scheme or path (got "${tabDomain}")`);
  const both = [read('ENTRA_TENANT_ID'), read('ENTRA_TENANT_IDS')];
  if (both[0] !== undefined && both[1] !== undefined && both[0].toLowerCase() !== both[1].toLowerCase()) {
    problems.push(`ENTRA_TENANT_ID and ENTRA_TENANT_IDS disagree ("${both[0]}" and "${both[1]}"): set only ENTRA_TENANT_ID`);
  }
  const ids = tenantRaw!.split(',').map((t) => t.trim()).filter(Boolean);
  const tenantVariable = read('ENTRA_TENANT_ID') !== undefined ? 'ENTRA_TENANT_ID' : 'ENTRA_TENANT_IDS';
  if (ids.length !== 1) {
    problems.push(`${tenantVariable} must be exactly one tenant id (got ${ids.length}: "${tenantRaw!}"): the Entra app registration is single-tenant (signInAudience AzureADMyOrg), so only its own tenant's people can sign in; run one server per tenant`);
  } else if (!GUID.test(ids[0]!)) {
    problems.push(`${tenantVariable} must be a tenant GUID (got "${ids[0]!}")`);
  }
  const tenantId = (ids[0] ?? '').toLowerCase();
  return { clientId, clientSecret: read('ENTRA_CLIENT_SECRET')!, tabDomain, tenantId, tenantAllowList: [tenantId] };
}

/** Hides the password of a connection string before it reaches a message or a log. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
