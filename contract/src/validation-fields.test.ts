import { Type, type TSchema } from '@sinclair/typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PreferencesUpdate, QuietTimeUpdate } from './settings';
import { OrgPolicyUpdate } from './settings';
import { AcceptRequest, SuggestionsQuery } from './suggestions';
import { fieldPath, validationFields, type SchemaError } from './validation-fields';

// As Fastify compiles route schemas (server/src/app.ts): first error only, the schema attached.
const ajv = addFormats(new Ajv({ allErrors: false, verbose: true, coerceTypes: 'array', removeAdditional: false, strict: false }));

function fieldsOf(schema: TSchema, value: unknown) {
  const check = ajv.compile(schema);
  expect(check(value)).toBe(false);
  return validationFields((check.errors ?? []) as SchemaError[]);
}

describe('validationFields', () => {
  it.each([
    ['a range with both ends', PreferencesUpdate, { bufferMinutes: 61 }, [{ field: 'bufferMinutes', message: 'must be a whole number from 0 to 60' }]],
    ['a wrong type', PreferencesUpdate, { minBlockMinutes: 'long' }, [{ field: 'minBlockMinutes', message: 'must be a whole number' }]],
    ['an unknown field', PreferencesUpdate, { favouriteColour: 'green' }, [{ field: 'favouriteColour', message: 'is not a known field' }]],
    ['a text too long', PreferencesUpdate, { blockSubject: 'x'.repeat(256) }, [{ field: 'blockSubject', message: 'must be 1 to 255 characters' }]],
    ['an empty text that must not be', PreferencesUpdate, { blockSubject: '' }, [{ field: 'blockSubject', message: 'must not be empty' }]],
    ['a union of words', PreferencesUpdate, { blockShowAs: 'away' }, [{ field: 'blockShowAs', message: 'must be one of: busy, tentative, oof, workingElsewhere, free' }]],
    ['a union of words or null', QuietTimeUpdate, { preferredPresence: 'Invisible' }, [{ field: 'preferredPresence', message: 'must be one of: null, DoNotDisturb, Away, BeRightBack, Busy, Offline' }]],
  ])('%s', (_name, schema, value, fields) => {
    expect(fieldsOf(schema, value)).toEqual(fields);
  });

  it('names a nested field inside a nullable object, not the union around it', () => {
    expect(fieldsOf(PreferencesUpdate, { lunch: { start: '12:00', end: '1 pm' } })).toEqual([{ field: 'lunch.end', message: 'must be a time as HH:mm, e.g. 12:30' }]);
    expect(fieldsOf(PreferencesUpdate, { lunch: { start: '12:00' } })).toEqual([{ field: 'lunch.end', message: 'is required' }]);
    expect(fieldsOf(PreferencesUpdate, { lunch: 'noon' })).toEqual([{ field: 'lunch', message: 'must be null or an object' }]);
  });

  it('names fields two objects deep with dots', () => {
    expect(fieldsOf(OrgPolicyUpdate, { defaults: { bufferMinutes: -1 } })).toEqual([{ field: 'defaults.bufferMinutes', message: 'must be a whole number from 0 to 60' }]);
    expect(fieldsOf(OrgPolicyUpdate, { features: { teamBalance: 'yes' } })).toEqual([{ field: 'features.teamBalance', message: 'must be true or false' }]);
  });

  it('names array items by index', () => {
    const schema = Type.Object({ items: Type.Array(Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false })) });
    expect(fieldsOf(schema, { items: [{ id: 'ok' }, { id: 'not ok' }] })).toEqual([{ field: 'items[1].id', message: 'must be letters, digits, "-" and "_" only' }]);
    expect(fieldsOf(schema, { items: [{ id: 'a', extra: 1 }] })).toEqual([{ field: 'items[0].extra', message: 'is not a known field' }]);
    expect(fieldsOf(schema, {})).toEqual([{ field: 'items', message: 'is required' }]);
  });

  it('words query limits and instants', () => {
    expect(fieldsOf(SuggestionsQuery, { days: 11 })).toEqual([{ field: 'days', message: 'must be a whole number from 1 to 10' }]);
    expect(fieldsOf(Type.Object({ at: Type.String({ format: 'date-time' }) }), { at: 'tomorrow' })).toEqual([{ field: 'at', message: 'must be an ISO 8601 date and time, e.g. 2025-03-03T09:00:00Z' }]);
  });

  it('says something for a body that fits none of a union\'s forms', () => {
    const fields = fieldsOf(AcceptRequest, 'now');
    expect(fields).toEqual([{ field: '', message: 'must be null or an object' }]);
  });

  it('words errors without the schema (no verbose) from Ajv\'s params alone', () => {
    expect(validationFields([{ keyword: 'maximum', instancePath: '/bufferMinutes', params: { limit: 60, comparison: '<=' } }]))
      .toEqual([{ field: 'bufferMinutes', message: 'must be at most 60' }]);
    expect(validationFields([{ keyword: 'maxLength', instancePath: '/a', params: { limit: 1 } }])).toEqual([{ field: 'a', message: 'must be at most 1 character' }]);
    expect(validationFields([{ keyword: 'someKeyword', instancePath: '/a', params: {}, message: 'must be odd' }])).toEqual([{ field: 'a', message: 'must be odd' }]);
  });
});

describe('fieldPath', () => {
  it.each([
    ['', undefined, ''],
    ['', 'name', 'name'],
    ['/lunch/end', undefined, 'lunch.end'],
    ['/items/0', 'id', 'items[0].id'],
    ['/a~1b/c~0d', undefined, 'a/b.c~d'],
  ])('%s + %s → %s', (pointer, child, path) => {
    expect(fieldPath(pointer, child)).toBe(path);
  });
});
