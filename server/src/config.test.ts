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
    [{ DEMO_GRAPH_429_RATE: '1.5' }, /DEMO_GRAPH_429_RATE must be a number from 0 to 1/],
    [{ TEAMS_APP_ID: 'unplug' }, /TEAMS_APP_ID must be a GUID/],
    [{ ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111' }, /ENTRA_CLIENT_SECRET, TAB_DOMAIN, ENTRA_TENANT_ID must be set too/],
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

  const entra = { ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111', ENTRA_CLIENT_SECRET: 'secret', TAB_DOMAIN: 'unplug.contoso.com' };

  it('reads Microsoft 365 settings when all are given: one tenant, ENTRA_TENANT_ID (as teamsapp provision writes it)', () => {
    const config = loadConfig({ ...entra, ENTRA_TENANT_ID: '22222222-2222-2222-2222-222222222222' });
    expect(config.entra).toMatchObject({ tenantId: '22222222-2222-2222-2222-222222222222', tenantAllowList: ['22222222-2222-2222-2222-222222222222'] });
    // The earlier name still works, with one id.
    expect(loadConfig({ ...entra, ENTRA_TENANT_IDS: '22222222-2222-2222-2222-222222222222' }).entra?.tenantId).toBe('22222222-2222-2222-2222-222222222222');
  });

  it('refuses several tenants: the registration is single-tenant (AzureADMyOrg)', () => {
    const several = '22222222-2222-2222-2222-222222222222, 33333333-3333-3333-3333-333333333333';
    expect(() => loadConfig({ ...entra, ENTRA_TENANT_IDS: several })).toThrow(/ENTRA_TENANT_IDS must be exactly one tenant id \(got 2.*single-tenant \(signInAudience AzureADMyOrg\)/);
    expect(() => loadConfig({ ...entra, ENTRA_TENANT_ID: several })).toThrow(/ENTRA_TENANT_ID must be exactly one tenant id/);
    expect(() => loadConfig({ ...entra, ENTRA_TENANT_ID: 'contoso' })).toThrow(/ENTRA_TENANT_ID must be a tenant GUID/);
    expect(() => loadConfig({ ...entra, ENTRA_TENANT_ID: '22222222-2222-2222-2222-222222222222', ENTRA_TENANT_IDS: '33333333-3333-3333-3333-333333333333' }))
      .toThrow(/ENTRA_TENANT_ID and ENTRA_TENANT_IDS disagree/);
  });

  it('links nudges to the Teams app: TEAMS_APP_ID, or the demo app in demo mode', () => {
    expect(loadConfig({ ...entra, ENTRA_TENANT_ID: '22222222-2222-2222-2222-222222222222' }).teamsAppId).toBeUndefined(); // nudges need TEAMS_APP_ID in Microsoft 365 mode
    expect(loadConfig({}).teamsAppId).toBe(DEMO_TEAMS_APP_ID);
    expect(loadConfig({ TEAMS_APP_ID: 'C6E16FBC-9B94-43FE-9DFF-9BC9CF4DB2EF' }).teamsAppId).toBe('C6E16FBC-9B94-43FE-9DFF-9BC9CF4DB2EF');
  });

  it('never shows a database password in a message', () => {
    expect(redactUrl('postgres://app:hunter2@db:5432/unplug')).toBe('postgres://app:***@db:5432/unplug');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db/x' })).toThrow(/app:\*\*\*@/);
  });

  describe('the mode (UNPLUG_MODE): demo never starts by accident', () => {
    const entra = {
      ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111', ENTRA_CLIENT_SECRET: 'secret',
      TAB_DOMAIN: 'unplug.contoso.com', ENTRA_TENANT_IDS: '22222222-2222-2222-2222-222222222222',
    };
    const database = { DATABASE_URL: 'postgres://app:hunter2@db:5432/unplug' };
    const publicUrl = { PUBLIC_BASE_URL: 'https://unplug.contoso.com' };
    const acknowledged = { UNPLUG_DEMO_ACKNOWLEDGE: 'anyone-can-sign-in' };

    it.each([
      ['nothing set', {}, 'demo'],
      ['UNPLUG_MODE=demo, nothing else', { UNPLUG_MODE: 'demo' }, 'demo'],
      ['UNPLUG_MODE=DEMO (any case)', { UNPLUG_MODE: 'DEMO' }, 'demo'],
      ['the ENTRA_* variables', entra, 'm365'],
      ['the ENTRA_* variables and a database and a public URL', { ...entra, ...database, ...publicUrl }, 'm365'],
      ['UNPLUG_MODE=m365 with the ENTRA_* variables', { ...entra, UNPLUG_MODE: 'm365' }, 'm365'],
      ['UNPLUG_MODE=demo, a database, acknowledged', { UNPLUG_MODE: 'demo', ...database, ...acknowledged }, 'demo'],
      ['UNPLUG_MODE=demo, a public URL, acknowledged', { UNPLUG_MODE: 'demo', ...publicUrl, ...acknowledged }, 'demo'],
      ['UNPLUG_MODE=demo, another process\'s demo tenant', { UNPLUG_MODE: 'demo', DEMO_TENANT_URL: 'http://127.0.0.1:4000' }, 'demo'],
    ])('%s: starts in %s mode', (_name, env, mode) => {
      const config = loadConfig(env);
      expect(config.mode).toBe(mode);
      expect(config.entra === undefined).toBe(mode === 'demo');
    });

    it.each([
      ['a database and no mode', database, [/DATABASE_URL \(a real database\) is set but no ENTRA_\* variable is/, /signs anyone in/, /UNPLUG_MODE=demo and UNPLUG_DEMO_ACKNOWLEDGE=anyone-can-sign-in/]],
      ['a public URL and no mode', publicUrl, [/PUBLIC_BASE_URL \(a public address\) is set but no ENTRA_\* variable is/, /For Microsoft 365 set ENTRA_CLIENT_ID/]],
      ['both and no mode', { ...database, ...publicUrl }, [/DATABASE_URL \(a real database\) and PUBLIC_BASE_URL \(a public address\) are set/]],
      ['a database, no mode, even acknowledged', { ...database, ...acknowledged }, [/would start the demo tenant/]],
      ['UNPLUG_MODE=demo and a database, not acknowledged', { UNPLUG_MODE: 'demo', ...database }, [/UNPLUG_MODE=demo with DATABASE_URL \(a real database\)/, /Set UNPLUG_DEMO_ACKNOWLEDGE=anyone-can-sign-in to do it on purpose, or unset DATABASE_URL/]],
      ['UNPLUG_MODE=demo and a public URL, not acknowledged', { UNPLUG_MODE: 'demo', ...publicUrl }, [/UNPLUG_MODE=demo with PUBLIC_BASE_URL/, /unset PUBLIC_BASE_URL/]],
      ['UNPLUG_MODE=demo, a database, a wrong acknowledgement', { UNPLUG_MODE: 'demo', ...database, UNPLUG_DEMO_ACKNOWLEDGE: 'yes' }, [/UNPLUG_DEMO_ACKNOWLEDGE must be anyone-can-sign-in \(got "yes"\)/]],
      ['UNPLUG_MODE=demo with ENTRA_* variables', { UNPLUG_MODE: 'demo', ...entra }, [/UNPLUG_MODE=demo runs the demo tenant instead of Microsoft 365: unset ENTRA_CLIENT_ID/]],
      ['UNPLUG_MODE=m365 without ENTRA_* variables', { UNPLUG_MODE: 'm365' }, [/UNPLUG_MODE=m365 needs ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET, TAB_DOMAIN, ENTRA_TENANT_ID/]],
      ['UNPLUG_MODE=m365 with some ENTRA_* variables', { UNPLUG_MODE: 'm365', ENTRA_CLIENT_ID: entra.ENTRA_CLIENT_ID }, [/must be set too/]],
      ['an unknown mode', { UNPLUG_MODE: 'production' }, [/UNPLUG_MODE must be demo or m365 \(got "production"\)/]],
    ])('%s: refuses to start, naming why', (_name, env, messages) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      for (const message of messages) expect(() => loadConfig(env)).toThrow(message);
      expect(() => loadConfig(env)).not.toThrow(/hunter2/);
    });
  });
});
