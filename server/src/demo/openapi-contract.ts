import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from '../config';

/**
 * Test support (it uses ajv, a dev dependency): validates Graph payloads — the demo tenant's
 * answers, and the requests and responses the gateway handles — against the Graph OpenAPI subset
 * in `../shared/graph/graph-subset.openapi.json`.
 *
 * OpenAPI 3.0 is translated to JSON Schema first: `nullable: true` adds `null` to the type; and
 * the generator's idiom for a nullable complex property, `anyOf: [{ $ref }, { type: 'object',
 * nullable: true }]`, becomes `anyOf: [{ $ref }, { type: 'null' }]` — "this type, or null" —
 * because read literally its second branch would accept any object and check nothing.
 *
 * @example
 *   validateGraphPayload('microsoft.graph.presence', body)                        // a component schema
 *   validateGraphPayload({ path: '/me/calendarView', method: 'get' }, body)      // 2xx response
 *   validateGraphPayload({ path: '/me/events', method: 'post', part: 'request' }, body)
 *   validateGraphPayload({ path: '/$batch', method: 'post', status: 400 }, body)  // an error answer
 *
 * Enum values are compared exactly in responses (Graph answers in its canonical camelCase) and
 * without regard to case in request bodies (Graph reads "HTML" or "Monday" as well); the
 * `enumCase` option overrides either.
 */

export const GRAPH_OPENAPI_PATH = process.env.GRAPH_OPENAPI_PATH ?? path.resolve(repoRoot, '..', 'shared', 'graph', 'graph-subset.openapi.json');

/** A component schema name, e.g. `microsoft.graph.event`, `batch.request`, `odata.error`. */
export type GraphSchemaName = string;

export interface GraphOperationTarget {
  /** A path template of the subset, e.g. `/users/{user-id}/calendarView`. */
  path: string;
  method: string;
  /** Which response: a status (its own entry, else `default`), or the first 2xx when left out. */
  status?: number | 'default';
  /** `response` (default) or `request` (the request body). */
  part?: 'request' | 'response';
}

export interface GraphValidationOptions {
  /** `exact` (default for responses) or `insensitive` (default for request bodies). */
  enumCase?: 'exact' | 'insensitive';
}

export interface GraphValidation {
  valid: boolean;
  /** Readable problems, e.g. `/value/0/showAs must be equal to one of the allowed values`. */
  errors: string[];
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

interface Loaded {
  spec: Spec;
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

const loaded = new Map<'exact' | 'insensitive', Loaded>();

function load(enumCase: 'exact' | 'insensitive' = 'exact'): Loaded {
  const cached = loaded.get(enumCase);
  if (cached) return cached;
  let spec = translateOpenApi30(JSON.parse(readFileSync(GRAPH_OPENAPI_PATH, 'utf8'))) as Spec;
  if (enumCase === 'insensitive') spec = caseInsensitiveEnums(spec) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  // Graph writes times of day without an offset ("08:00:00.0000000"); the schemas' patterns check them.
  ajv.addFormat('time', /^\d{2}:\d{2}:\d{2}(\.\d{1,12})?$/);
  ajv.addKeyword({
    keyword: 'x-enum-any-case',
    type: 'string',
    schemaType: 'array',
    error: { message: (cxt) => `must be equal to one of the allowed values, in any case (${(cxt.schema as string[]).join(', ')})` },
    validate: (allowed: unknown[], data: string) => allowed.some((v) => typeof v === 'string' && v.toLowerCase() === data.toLowerCase()),
  });
  ajv.addSchema(spec as object, 'graph-subset');
  const result = { spec, ajv, validators: new Map<string, ValidateFunction>() };
  loaded.set(enumCase, result);
  return result;
}

/** String enums → the `x-enum-any-case` keyword (null, where allowed, stays allowed by `type`). */
function caseInsensitiveEnums(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(caseInsensitiveEnums);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) out[key] = caseInsensitiveEnums(value);
  if (Array.isArray(out.enum) && out.enum.every((v) => typeof v === 'string' || v === null)) {
    out['x-enum-any-case'] = out.enum.filter((v) => v !== null);
    delete out.enum;
  }
  return out;
}

/** OpenAPI 3.0 `nullable` → JSON Schema (see the module comment). Returns a new value. */
export function translateOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(translateOpenApi30);
  if (!node || typeof node !== 'object') return node;
  const input = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    out[key] = key === 'anyOf' && Array.isArray(value) && value.length === 2 ? value.map((branch) => (isNullableObjectIdiom(branch) ? { type: 'null' } : translateOpenApi30(branch))) : translateOpenApi30(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else if (out.type === undefined) {
      const rest = { ...out };
      for (const key of Object.keys(out)) if (key !== 'description' && key !== 'title') delete out[key];
      out.anyOf = [rest, { type: 'null' }];
    }
  }
  return out;
}

/** `{ type: 'object', nullable: true }` and nothing else: the "or null" half of a nullable `$ref`. */
function isNullableObjectIdiom(branch: unknown): boolean {
  if (!branch || typeof branch !== 'object') return false;
  const b = branch as Record<string, unknown>;
  return b.type === 'object' && b.nullable === true && Object.keys(b).length === 2;
}

function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Where in the subset the schema for `target` is (a JSON pointer), or why there is none. */
function locate(target: GraphSchemaName | GraphOperationTarget): { pointer: string } | { none: string } | { noBody: true } {
  const { spec } = load();
  if (typeof target === 'string') {
    return spec.components.schemas[target] ? { pointer: `/components/schemas/${pointerSegment(target)}` } : { none: `no schema named ${target}` };
  }
  const method = target.method.toLowerCase();
  const operation = spec.paths[target.path]?.[method];
  if (!operation) return { none: `no operation ${target.method.toUpperCase()} ${target.path}` };
  const base = `/paths/${pointerSegment(target.path)}/${method}`;
  if (target.part === 'request') {
    return operation.requestBody?.content?.['application/json']?.schema
      ? { pointer: `${base}/requestBody/content/application~1json/schema` }
      : { none: `${target.method.toUpperCase()} ${target.path} takes no JSON body` };
  }
  const responses = operation.responses ?? {};
  const status = target.status === undefined
    ? Object.keys(responses).find((s) => /^2\d\d$/.test(s))
    : responses[String(target.status)] ? String(target.status) : 'default';
  const response = status === undefined ? undefined : responses[status];
  if (!response) return { none: `${target.method.toUpperCase()} ${target.path} has no response ${String(target.status ?? '2xx')}` };
  if (!response.content?.['application/json']?.schema) return { noBody: true };
  return { pointer: `${base}/responses/${status}/content/application~1json/schema` };
}

export function validateGraphPayload(target: GraphSchemaName | GraphOperationTarget, payload: unknown, options: GraphValidationOptions = {}): GraphValidation {
  const where = locate(target);
  if ('none' in where) throw new Error(`The Graph subset has ${where.none}.`);
  if ('noBody' in where) {
    const empty = payload === undefined || payload === null || payload === '';
    return { valid: empty, errors: empty ? [] : ['this response has no body, but one was given'] };
  }
  const enumCase = options.enumCase ?? (typeof target === 'object' && target.part === 'request' ? 'insensitive' : 'exact');
  const { ajv, validators } = load(enumCase);
  let validate = validators.get(where.pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `graph-subset#${encodeURI(where.pointer).replace(/\$/g, '%24')}` });
    validators.set(where.pointer, validate);
  }
  const valid = validate(payload) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}

/** Throws with every problem listed when `payload` does not conform. */
export function assertGraphPayload(target: GraphSchemaName | GraphOperationTarget, payload: unknown, options: GraphValidationOptions = {}): void {
  const { valid, errors } = validateGraphPayload(target, payload, options);
  if (!valid) {
    const name = typeof target === 'string' ? target : `${target.method.toUpperCase()} ${target.path} ${target.part ?? 'response'}${target.status ? ` ${target.status}` : ''}`;
    throw new Error(`Not a valid ${name}:\n  ${errors.join('\n  ')}`);
  }
}

/** The path template of the subset a concrete URL (relative to `/v1.0`, query allowed) falls under. */
export function findGraphOperation(method: string, url: string): GraphOperationTarget | undefined {
  const { spec } = load();
  const pathPart = `/${url.split('?')[0]!.replace(/^\/+/, '')}`;
  for (const template of Object.keys(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/[$.]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i');
    if (pattern.test(pathPart) && spec.paths[template]?.[method.toLowerCase()]) return { path: template, method: method.toLowerCase() };
  }
  return undefined;
}

/** The translated component schema (e.g. to list an entity's properties). */
export function graphComponentSchema(name: GraphSchemaName): unknown {
  const schema = load().spec.components.schemas[name];
  if (!schema) throw new Error(`The Graph subset has no schema named ${name}.`);
  return schema;
}

function describe(e: ErrorObject): string {
  const extra = e.keyword === 'enum' ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.join(', ') ?? ''})`
    : e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
}
