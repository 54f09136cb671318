import { readFileSync } from 'node:fs';
import { GRAPH_OPENAPI_PATH, validateGraphPayload } from '../demo/openapi-contract';

/**
 * Test support: checks a request the gateway sends against the Graph OpenAPI subset in
 * `../shared/graph/graph-subset.openapi.json` — path and method, query parameters (declared,
 * required, typed), the `Prefer` header, and the JSON body against the operation's schema (with
 * the demo tenant's ajv validator, which reads OpenAPI 3.0's `nullable` strictly). A `$batch` is
 * checked as an envelope and then request by request, as Graph would run them.
 */
export interface GraphRequestRecord {
  method: string;
  /** Relative to the version root, with the query: `/me/calendarView?startDateTime=…`. */
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface GraphContract {
  /** Every way the request departs from the contract; empty when it conforms. */
  problems(request: GraphRequestRecord): string[];
}

interface Parameter { name: string; in: string; required?: boolean; schema?: { type?: string } }
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }>;
}

/**
 * Documented GET paths the shared subset leaves out, added here with their page: the two
 * mailboxSettings sub-resources Unplug reads instead of the whole settings
 * (https://learn.microsoft.com/en-us/graph/api/user-get-mailboxsettings, "To get specific
 * settings"). No query parameters, no body.
 */
const DOCUMENTED_EXTRA_GETS = ['/me/mailboxSettings/workingHours', '/me/mailboxSettings/timeZone', '/users/{user-id}/mailboxSettings/workingHours', '/users/{user-id}/mailboxSettings/timeZone'];

/** Server-driven paging: Graph puts these in the `@odata.nextLink` of any paged collection. */
const PAGING_TOKENS = new Set(['$skiptoken', '$skip']);

export function loadGraphContract(file = GRAPH_OPENAPI_PATH): GraphContract {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  for (const extra of DOCUMENTED_EXTRA_GETS) spec.paths[extra] ??= { get: { parameters: [] } };
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[$.]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  const problems = (request: GraphRequestRecord, where: string): string[] => {
    const found: string[] = [];
    const [pathPart = '', query = ''] = request.url.split('?', 2) as [string, string?];
    // Graph takes batch URLs with or without the leading slash. Segments stay encoded for matching
    // (an id may hold an encoded "/").
    const decodedPath = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
    if (/^https?:/i.test(request.url)) return [`${where}: the URL must be relative to the version root, got ${request.url}`];
    const match = templates.find((t) => t.pattern.test(decodedPath));
    if (!match) return [`${where}: ${decodedPath} is not a path of the Graph subset`];
    const method = request.method.toLowerCase();
    const operation = spec.paths[match.template]?.[method];
    if (!operation) return [`${where}: ${request.method} is not allowed on ${match.template}`];
    const parameters = operation.parameters ?? [];

    const params = new URLSearchParams(query);
    const paged = operation.responses?.['200']?.content?.['application/json']?.schema?.properties?.['@odata.nextLink'] !== undefined;
    for (const name of new Set(params.keys())) {
      const declared = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!declared && paged && PAGING_TOKENS.has(name)) continue;
      if (!declared) found.push(`${where}: query parameter ${name} is not declared for ${request.method} ${match.template}`);
      else if (declared.schema?.type === 'integer' && !/^\d+$/.test(params.get(name) ?? '')) found.push(`${where}: query parameter ${name} must be an integer`);
    }
    for (const p of parameters.filter((x) => x.in === 'query' && x.required)) {
      if (!params.has(p.name)) found.push(`${where}: required query parameter ${p.name} is missing`);
    }
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (headers['prefer'] !== undefined && !parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'prefer')) {
      found.push(`${where}: the Prefer header is not declared for ${request.method} ${match.template}`);
    }

    const hasBody = request.body !== undefined && request.body !== null && request.body !== '';
    if (!operation.requestBody && hasBody) found.push(`${where}: ${request.method} ${match.template} takes no body`);
    if (operation.requestBody?.required && !hasBody) found.push(`${where}: ${request.method} ${match.template} needs a body`);
    if (operation.requestBody && hasBody) {
      const { errors } = validateGraphPayload({ path: match.template, method, part: 'request' }, request.body);
      found.push(...errors.map((e) => `${where}: body${e === '/' || e.startsWith('/ ') ? e.slice(1) : e}`));
    }

    if (match.template === '/$batch' && found.length === 0) {
      const batch = request.body as { requests: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[] };
      for (const inner of batch.requests) {
        const innerWhere = `${where} part "${inner.id}"`;
        if (inner.body !== undefined && !Object.keys(inner.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
          found.push(`${innerWhere}: a part with a body needs a Content-Type header`);
        }
        found.push(...problems({ method: inner.method, url: inner.url, headers: inner.headers ?? {}, body: inner.body }, innerWhere));
      }
      const ids = batch.requests.map((r) => r.id);
      if (new Set(ids).size !== ids.length) found.push(`${where}: request ids must be unique`);
    }
    return found;
  };

  return { problems: (request) => problems(request, `${request.method} ${request.url.split('?')[0]}`) };
}
