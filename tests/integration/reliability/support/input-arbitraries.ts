/**
 * fast-check arbitraries for API inputs, driven by each route's own JSON schema (as its OpenAPI
 * document gives it): values that are valid, values that are almost valid (one field wrong), and
 * hostile ones (wrong types, huge strings, deep nesting, unknown fields, impossible dates, prototype
 * keys, lone surrogates). A route added later is fuzzed from its schema without a test change.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

/** Strings that have broken date, time and id handling somewhere before. */
const NASTY_STRINGS = [
  '', ' ', '0', '-1', 'null', 'undefined', 'NaN', 'Infinity', 'true', '[]', '{}',
  '2026-02-30', '2026-13-01', '2025-02-29', '0000-00-00', '0000-01-01', '9999-12-31', '10000-01-01', '-001-01-01', '2026-1-1', '2026-03-29 ',
  '2026-03-29T02:30:00', '2026-03-29T25:00:00Z', '2026-10-04T02:15:00+10:30', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00Z', '1970-01-01T00:00:00Z',
  '24:00', '23:60', '12:5', '-1:00', '99:99',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '%00', '\u0000', '\u202e', '\ufeff', 'e\u0301', '👩‍👩‍👧‍👦', '\ud800', '\udfff',
  '<script>alert(1)</script>', "' or 1=1 --", '"; drop table preferences; --', '${jndi:ldap://127.0.0.1/x}', '{{7*7}}', '../../etc/passwd', '..\\..\\boot.ini',
];

const HUGE_LENGTHS = [101, 281, 1_000, 10_000, 40_000];

/** Arrays or objects nested `depth` deep. */
export function nested(depth: number, kind: 'array' | 'object' | 'proto'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : kind === 'object' ? { a: value } : { constructor: value };
  return value;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HUGE_LENGTHS).map((n) => 'x'.repeat(n)),
  fc.constantFrom(10, 100, 1_000).chain((depth) => fc.constantFrom('array', 'object', 'proto').map((kind) => nested(depth, kind as 'array' | 'object' | 'proto'))),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 10 })), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.integer(), fc.string({ maxLength: 10 })), { maxKeys: 4 }),
);

const unknownFields = fc.dictionary(
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'userId', 'tenantId', 'isAdmin', 'roles'), fc.string({ minLength: 1, maxLength: 12 })),
  hostileValue,
  { minKeys: 1, maxKeys: 3 },
);

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 60;
  const min = schema.minLength ?? 0;
  if (schema.format === 'date-time') {
    const around = Date.now();
    return fc.oneof(
      fc.integer({ min: around - 30 * 86_400_000, max: around + 30 * 86_400_000 }).map((ms) => new Date(ms).toISOString()),
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    );
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    // Cut to the schema's length only where the cut still matches (a filter that can never pass
    // would make fast-check retry forever); otherwise the too-long value is a bad input too.
    return fc.stringMatching(pattern, { size: 'small' }).map((s) => {
      const cut = schema.maxLength !== undefined && s.length > schema.maxLength ? s.slice(0, schema.maxLength) : s;
      return cut.length >= min && pattern.test(cut) ? cut : s;
    });
  }
  return fc.string({ minLength: min, maxLength: Math.min(max, 120), unit: 'grapheme' });
}

/** A value the schema accepts, with each nested field sometimes replaced by a hostile one. */
export function valueFor(schema: JsonSchema, hostileWeight = 1): fc.Arbitrary<unknown> {
  const valid = validFor(schema, hostileWeight);
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: hostileValue, weight: hostileWeight });
}

function validFor(schema: JsonSchema, hostileWeight: number): fc.Arbitrary<unknown> {
  const base = baseFor(schema, hostileWeight);
  return schema.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function baseFor(schema: JsonSchema, hostileWeight: number): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => validFor(branch, hostileWeight)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, valueFor(child, hostileWeight)])),
        { requiredKeys: [...required].filter((k) => k in properties) },
      );
      // Sometimes with fields the schema does not know.
      return fc.tuple(record, fc.option(unknownFields, { freq: 6 })).map(([known, extra]) => (extra ? { ...extra, ...known } : known));
    }
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }),
        fc.constantFrom(...[schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1])),
      );
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(schema);
    case 'array':
      return fc.array(hostileValue, { maxLength: 3 });
    default:
      return hostileValue;
  }
}

/** Percent-encodes anything, including lone surrogates (as the invalid UTF-8 they would be). */
export function encodeAny(value: string): string {
  let out = '';
  for (const ch of value) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      out += '%ED%A0%80';
    }
  }
  return out;
}

/** Raw pieces of query and path that are not valid percent-encoding or not valid UTF-8. */
export const BROKEN_ENCODINGS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE', '%ED%A0%80', '%00', '%2e%2e%2f%2e%2e%2f', '..%2F..%2F', '%u0041', '%25%32%35', '%0d%0aSet-Cookie:%20x=1'];

/** A value as text for a query string or a path segment. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
