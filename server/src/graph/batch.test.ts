import { describe, expect, it } from 'vitest';
import { partBody, sendBatch, type BatchPart } from './batch';
import { ConsentRequiredError, GraphRequestError } from './errors';
import { useFakeGraph } from './use-fake-graph';
import { readGraphExample } from './graph-examples';
import { testGraphHttp } from './test-graph';

const fake = useFakeGraph();

const parts = (ids: string[]): BatchPart[] => ids.map((id) => ({ id, method: 'GET', url: '/me/presence' }));

describe("sendBatch on Microsoft's published $batch answers", () => {
  it('batch-response.json: 200s are values, the 403 with Graph\'s permission code is consent, a 403 without a code and 405 are refusals', async () => {
    fake.handle(() => ({ status: 200, body: readGraphExample('batch-response.json') }));
    const { http } = testGraphHttp(fake.root);
    const results = await sendBatch(http, parts(['1', '2', '3', '4', '5']));
    const body = (id: string) => partBody(results.get(id)!, 'person', 0);
    expect(body('1')).toMatchObject({ value: [{ displayName: 'User Administrator' }] });
    expect(body('5')).toMatchObject({ '@odata.count': 36 });
    // "You do not have the required permissions to access this item." with no code: an item the
    // caller may not see, not a permission an admin could grant.
    expect(() => body('2')).toThrow(GraphRequestError);
    expect(() => body('3')).toThrow(ConsentRequiredError);
    expect(() => body('4')).toThrow(GraphRequestError);
    expect(results.get('4')).toMatchObject({ status: 405, attempts: 1, headers: { 'Content-Type': 'application/json' } });
  });

  it('batch-response-2.json: answers out of order, a redirect, a 401, a 204 with a null body', async () => {
    fake.handle(() => ({ status: 200, body: readGraphExample('batch-response-2.json') }));
    const results = await sendBatch(testGraphHttp(fake.root).http, parts(['1', '2', '3', '4', '5']));
    expect([...results.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(partBody(results.get('4')!, 'person', 0)).toBeNull();
    expect(partBody(results.get('2')!, 'person', 0)).toEqual(expect.objectContaining({ value: [] }));
    expect(() => partBody(results.get('1')!, 'person', 0)).toThrow(expect.objectContaining({ status: 302 }));
    expect(() => partBody(results.get('3')!, 'person', 0)).toThrow(expect.objectContaining({ status: 401, graphCode: 'Forbidden' }));
  });

  it('refuses more than 20 parts without calling Graph', async () => {
    await expect(sendBatch(testGraphHttp(fake.root).http, parts(Array.from({ length: 21 }, (_, i) => String(i))))).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });
});
