import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';

describe('background job settings', () => {
  it('run jobs by default: sampling every 5 minutes, status every minute, 4 at once, no external demo tenant', () => {
    const config = loadConfig({});
    expect(config.jobs).toEqual({ enabled: true, presenceSampleMinutes: 5, statusCheckSeconds: 60, concurrency: 4 });
    expect(config.demoTenantUrl).toBeUndefined();
  });

  it('reads JOBS, PRESENCE_SAMPLE_MINUTES, STATUS_CHECK_SECONDS, JOBS_CONCURRENCY and DEMO_TENANT_URL', () => {
    const config = loadConfig({ JOBS: 'OFF', PRESENCE_SAMPLE_MINUTES: '15', STATUS_CHECK_SECONDS: '30', JOBS_CONCURRENCY: '1', DEMO_TENANT_URL: 'http://127.0.0.1:4000/' });
    expect(config.jobs).toEqual({ enabled: false, presenceSampleMinutes: 15, statusCheckSeconds: 30, concurrency: 1 });
    expect(config.demoTenantUrl).toBe('http://127.0.0.1:4000');
  });

  it.each([
    [{ JOBS: 'maybe' }, /JOBS must be on or off \(got "maybe"\)/],
    [{ PRESENCE_SAMPLE_MINUTES: '0' }, /PRESENCE_SAMPLE_MINUTES must be a whole number from 1 to 60/],
    [{ STATUS_CHECK_SECONDS: '1' }, /STATUS_CHECK_SECONDS must be a whole number from 5 to 600/],
    [{ JOBS_CONCURRENCY: '99' }, /JOBS_CONCURRENCY must be a whole number from 1 to 16/],
    [{ DEMO_TENANT_URL: 'ftp://x' }, /DEMO_TENANT_URL must be a http:\/\/ or https:\/\/ URL/],
    [{ DEMO_TENANT_URL: 'http://127.0.0.1:4000', ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111', ENTRA_CLIENT_SECRET: 's', TAB_DOMAIN: 'unplug.contoso.com', ENTRA_TENANT_IDS: '11111111-1111-1111-1111-111111111111' }, /DEMO_TENANT_URL is for demo mode only/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
