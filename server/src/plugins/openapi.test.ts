import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, servedOpenApi } from '../../scripts/openapi-document';

describe('the OpenAPI document', () => {
  let served: string;
  beforeAll(async () => {
    served = await servedOpenApi();
  });

  it('is the committed contract/openapi.json', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    // A changed route or schema changes the API's published contract: look at the diff, then
    // commit it. The message says how.
    expect(served === committed, 'contract/openapi.json differs from /docs/json: run `npm run openapi` and commit contract/openapi.json').toBe(true);
    expect(JSON.parse(served)).toEqual(JSON.parse(committed));
  });

  it('gives every /api operation a 400 answer in the shape of the error body, with its fields', async () => {
    type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>; components: { schemas: Record<string, { title?: string; properties?: { error?: { properties?: Record<string, unknown> } } }> } };
    const doc = JSON.parse(served) as Doc;
    const api = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/'));
    expect(api.length).toBeGreaterThanOrEqual(19);
    for (const [route, operations] of api) {
      for (const [method, operation] of Object.entries(operations)) {
        const ref = operation.responses['400']?.content?.['application/json']?.schema.$ref;
        expect(ref, `${method} ${route}`).toBeDefined();
        const schema = doc.components.schemas[ref!.split('/').at(-1)!];
        expect(schema?.title).toBe('ErrorBody');
        expect(Object.keys(schema?.properties?.error?.properties ?? {})).toEqual(['code', 'message', 'fields', 'claims']);
      }
    }
  });
});
