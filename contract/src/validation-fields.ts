/**
 * Turns a schema check's errors (Ajv's `ErrorObject`s, as Fastify hands them over) into field
 * problems worded for a person: `{ field: 'lunch.end', message: 'must be a time as HH:mm' }`.
 * The server puts them in `error.fields`; the tab shows them beside the fields and never reads
 * Ajv's English. Only the parts of `ErrorObject` used here are named, so this module needs no Ajv.
 */

/** What this module reads of an Ajv error. */
export interface SchemaError {
  keyword: string;
  /** JSON pointer into the checked value, e.g. `/lunch/end`, `/items/0/id`, or `` for the whole. */
  instancePath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
  /** With Ajv's `verbose`: the schema that holds the failing keyword. */
  parentSchema?: unknown;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'an ISO 8601 date and time, e.g. 2025-03-03T09:00:00Z',
  date: 'a date as YYYY-MM-DD',
  time: 'a time',
};

/** Pattern → words, for the patterns the contract uses. */
const PATTERN_WORDS: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date as YYYY-MM-DD',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'a time as HH:mm, e.g. 12:30',
  '^[A-Za-z0-9_-]+$': 'letters, digits, "-" and "_" only',
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$': 'a GUID',
};

/**
 * `/lunch/end` → `lunch.end`; `/items/0/id` → `items[0].id`; a child name added for `required`
 * and `additionalProperties`. JSON-pointer escapes (`~1`, `~0`) are undone.
 */
export function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path === '' ? part : `.${part}`;
  }
  return path;
}

const schemaNumber = (schema: unknown, key: string): number | undefined => {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const value = (schema as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
};

/** A range in one sentence when the schema has both ends, as the domain words it. */
function rangeMessage(error: SchemaError, fallback: string): string {
  const min = schemaNumber(error.parentSchema, 'minimum');
  const max = schemaNumber(error.parentSchema, 'maximum');
  const type = (error.parentSchema as { type?: unknown } | undefined)?.type;
  if (min !== undefined && max !== undefined) return `must be ${type === 'integer' ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  return fallback;
}

function lengthMessage(error: SchemaError, fallback: string): string {
  const min = schemaNumber(error.parentSchema, 'minLength');
  const max = schemaNumber(error.parentSchema, 'maxLength');
  if (min !== undefined && max !== undefined && min > 0) return `must be ${min} to ${max} characters`;
  return fallback;
}

const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** One Ajv error as a field and a message. */
export function describeSchemaError(error: SchemaError): FieldProblem {
  const p = error.params;
  const at = (child?: string) => fieldPath(error.instancePath, child);
  switch (error.keyword) {
    case 'required': return { field: at(String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties': return { field: at(String(p.additionalProperty)), message: 'is not a known field' };
    case 'type': return { field: at(), message: `must be ${String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}` };
    case 'minimum': return { field: at(), message: rangeMessage(error, `must be at least ${String(p.limit)}`) };
    case 'maximum': return { field: at(), message: rangeMessage(error, `must be at most ${String(p.limit)}`) };
    case 'exclusiveMinimum': return { field: at(), message: `must be more than ${String(p.limit)}` };
    case 'exclusiveMaximum': return { field: at(), message: `must be less than ${String(p.limit)}` };
    case 'minLength': return { field: at(), message: p.limit === 1 ? 'must not be empty' : lengthMessage(error, `must be at least ${plural(p.limit, 'character')}`) };
    case 'maxLength': return { field: at(), message: lengthMessage(error, `must be at most ${plural(p.limit, 'character')}`) };
    case 'minItems': return { field: at(), message: `must have at least ${plural(p.limit, 'item')}` };
    case 'maxItems': return { field: at(), message: `must have at most ${plural(p.limit, 'item')}` };
    case 'pattern': return { field: at(), message: `must be ${PATTERN_WORDS[String(p.pattern)] ?? `in the form ${String(p.pattern)}`}` };
    case 'format': return { field: at(), message: `must be ${FORMAT_WORDS[String(p.format)] ?? `a ${String(p.format)}`}` };
    case 'const': return { field: at(), message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'enum': return { field: at(), message: `must be one of: ${(p.allowedValues as unknown[] | undefined)?.map(String).join(', ') ?? ''}` };
    case 'anyOf':
    case 'oneOf': return { field: at(), message: 'does not match any allowed form' };
    default: return { field: at(), message: error.message ?? `fails the "${error.keyword}" check` };
  }
}

/**
 * Every problem of a failed check, one entry per field. A union of literals (`anyOf` of `const`s)
 * becomes one "must be one of: …"; the other failed branches of a union are folded into it.
 * @example
 * validationFields([{ keyword: 'maximum', instancePath: '/bufferMinutes', params: { limit: 60 } }])
 * // [{ field: 'bufferMinutes', message: 'must be at most 60' }]
 */
export function validationFields(errors: readonly SchemaError[]): FieldProblem[] {
  const byField = new Map<string, { messages: string[]; allowed: unknown[]; union: boolean }>();
  const entry = (field: string) => {
    let found = byField.get(field);
    if (!found) {
      found = { messages: [], allowed: [], union: false };
      byField.set(field, found);
    }
    return found;
  };
  for (const error of errors) {
    const { field, message } = describeSchemaError(error);
    const found = entry(field);
    if (error.keyword === 'const') found.allowed.push(error.params.allowedValue);
    else if (error.keyword === 'anyOf' || error.keyword === 'oneOf') found.union = true;
    else if (!found.messages.includes(message)) found.messages.push(message);
  }
  const problems: FieldProblem[] = [];
  const fields = [...byField.keys()];
  const hasDeeper = (field: string) => fields.some((f) => f !== field && (field === '' || f.startsWith(`${field}.`) || f.startsWith(`${field}[`)));
  for (const [field, { messages, allowed, union }] of byField) {
    if (allowed.length > 0) {
      const values = [...(messages.includes('must be null') ? ['null'] : []), ...allowed.map((v) => (v === null ? 'null' : String(v)))];
      problems.push({ field, message: `must be one of: ${values.join(', ')}` });
    } else if (union) {
      // A union whose object branch failed inside: the inner fields say what is wrong.
      if (hasDeeper(field)) continue;
      const forms = messages.filter((m) => m.startsWith('must be ')).map((m) => m.slice('must be '.length));
      if (forms.length === messages.length && forms.length > 0) problems.push({ field, message: `must be ${forms.join(' or ')}` });
      else problems.push({ field, message: messages.length === 1 ? messages[0]! : 'does not match any allowed form' });
    } else {
      for (const message of messages) problems.push({ field, message });
    }
  }
  return problems;
}
