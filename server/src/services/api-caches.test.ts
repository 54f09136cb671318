import { describe, expect, it } from 'vitest';
import { ApiCaches } from './api-caches';

describe('ApiCaches', () => {
  it('keeps one policy per tenant, forgotten when the tenant\'s policy changes and not when a person\'s data does', async () => {
    const caches = new ApiCaches();
    let loads = 0;
    const load = async () => ({ policy: { minGroupSize: ++loads }, updatedAt: new Date(0) });
    const policyOf = (tenantId: string) => caches.policies.get(`${tenantId}/`, 'policy', load);
    await Promise.all([policyOf('t1'), policyOf('t1')]);
    expect(loads).toBe(1);
    caches.invalidatePerson('t1/ada');
    await policyOf('t1');
    expect(loads).toBe(1);
    caches.invalidateTenant('t2');
    await policyOf('t1');
    expect(loads).toBe(1);
    caches.invalidateTenant('t1');
    expect((await policyOf('t1'))?.policy).toEqual({ minGroupSize: 2 });
  });
});
