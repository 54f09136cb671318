import { GraphResponseError } from './errors';

/**
 * Small readers for untrusted Graph JSON. Each names the path of what it read, so a malformed
 * response becomes a {@link GraphResponseError} such as `calendarView value[3].showAs: expected
 * one of free, tentative, …, got "maybe"` instead of a crash deep in the domain.
 */
export type Json = Record<string, unknown>;

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export function fail(path: string, problem: string): never {
  throw new GraphResponseError(`${path}: ${problem}`);
}

export function asObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `expected an object, got ${describe(value)}`);
  return value as Json;
}

export function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function requiredString(obj: Json, key: string, path: string): string {
  const value = obj[key];
  if (value === undefined) fail(`${path}.${key}`, 'missing');
  if (typeof value !== 'string') fail(`${path}.${key}`, `expected a string, got ${describe(value)}`);
  return value;
}

/** Absent or `null` → `undefined`; any other non-string is malformed. */
export function optionalString(obj: Json, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${path}.${key}`, `expected a string, got ${describe(value)}`);
  return value;
}

export function optionalBoolean(obj: Json, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(`${path}.${key}`, `expected true or false, got ${describe(value)}`);
  return value;
}

export function optionalInteger(obj: Json, key: string, path: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(`${path}.${key}`, `expected a whole number, got ${describe(value)}`);
  return value;
}

export function optionalStringArray(obj: Json, key: string, path: string): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return asArray(value, `${path}.${key}`).map((item, i) => {
    if (typeof item !== 'string') fail(`${path}.${key}[${i}]`, `expected a string, got ${describe(item)}`);
    return item;
  });
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(value)) fail(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  return value as T;
}
