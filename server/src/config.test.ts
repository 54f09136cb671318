import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_TEAMS_APP_ID, loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('runs in demo mode with the embedded store when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.entra).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data[\\/]pglite$/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number from 0 to 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: '-1' }, /PORT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ PUBLIC_BASE_URL: 'http://example.com' }, /PUBLIC_BASE_URL must be a https:\/\/ URL/],
    [{ DEMO_GRAPH_429_RATE: '1.5' }, /DEMO_GRAPH_429_RATE must be a number from 0 to 1/],
    [{ TEAMS_APP_ID: 'unplug' }, /TEAMS_APP_ID must be a GUID/],
    [{ ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111' }, /ENTRA_CLIENT_SECRET, TAB_DOMAIN, ENTRA_TENANT_IDS must be set too/],
    [{ ENTRA_CLIENT_ID: 'nope', ENTRA_CLIENT_SECRET: 's', TAB_DOMAIN: 'unplug.contoso.com', ENTRA_TENANT_IDS: '11111111-1111-1111-1111-111111111111' }, /ENTRA_CLIENT_ID must be a GUID/],
    [{ ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111', ENTRA_CLIENT_SECRET: 's', TAB_DOMAIN: 'https://unplug.contoso.com/', ENTRA_TENANT_IDS: '11111111-1111-1111-1111-111111111111' }, /TAB_DOMAIN must be a host name/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('reads Microsoft 365 settings when all are given', () => {
    const config = loadConfig({
      ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111', ENTRA_CLIENT_SECRET: 'secret',
      TAB_DOMAIN: 'unplug.contoso.com', ENTRA_TENANT_IDS: '22222222-2222-2222-2222-222222222222, 33333333-3333-3333-3333-333333333333',
    });
    expect(config.entra?.tenantAllowList).toEqual(['22222222-2222-2222-2222-222222222222', '33333333-3333-3333-3333-333333333333']);
    expect(config.teamsAppId).toBeUndefined(); // nudges need TEAMS_APP_ID in Microsoft 365 mode
  });

  it('links nudges to the Teams app: TEAMS_APP_ID, or the demo app in demo mode', () => {
    expect(loadConfig({}).teamsAppId).toBe(DEMO_TEAMS_APP_ID);
    expect(loadConfig({ TEAMS_APP_ID: 'C6E16FBC-9B94-43FE-9DFF-9BC9CF4DB2EF' }).teamsAppId).toBe('C6E16FBC-9B94-43FE-9DFF-9BC9CF4DB2EF');
  });

  it('never shows a database password in a message', () => {
    expect(redactUrl('postgres://app:hunter2@db:5432/unplug')).toBe('postgres://app:***@db:5432/unplug');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db/x' })).toThrow(/app:\*\*\*@/);
  });
});
