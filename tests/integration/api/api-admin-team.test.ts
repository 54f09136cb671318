import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_SUCCESS_TEAM_ID, SEED_TEAMS } from '../../../server/src/demo/teams';
import { startApiHarness, type ApiHarness } from './api-harness';

describe('admin policy and team aggregates', () => {
  let h: ApiHarness;
  let tokens: string[];
  let admin: string;
  let member: string;

  beforeAll(async () => {
    h = await startApiHarness();
    tokens = await Promise.all(h.people.map((p) => h.tokenFor(p.id)));
    admin = tokens.find((t) => h.isAdmin(t))!;
    member = tokens.find((t) => !h.isAdmin(t))!;
  });
  afterAll(() => h?.close());

  it('refuses admin routes to non-admins', async () => {
    for (const [method, body] of [['GET', undefined], ['PUT', { minGroupSize: 6 }]] as const) {
      const res = await h.api(member, method, '/api/admin/policy', body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('admin_required');
    }
  });

  it('lets an admin change the policy, audits it, and keeps the group-size floor', async () => {
    expect(admin).toBeDefined();
    const current = await h.api(admin, 'GET', '/api/admin/policy');
    expect(current.status).toBe(200);
    expect(current.body.policy.minGroupSize).toBe(5);
    const tooSmall = await h.api(admin, 'PUT', '/api/admin/policy', { minGroupSize: 4 });
    expect(tooSmall.status).toBe(400);
    const saved = await h.api(admin, 'PUT', '/api/admin/policy', { presenceRetentionDays: 20, defaults: { dailyDisconnectTargetMinutes: 60 } });
    expect(saved.status).toBe(200);
    expect(saved.body.policy).toMatchObject({ presenceRetentionDays: 20, defaults: { dailyDisconnectTargetMinutes: 60, minBlockMinutes: 30 } });
    expect(saved.body.audit[0]).toMatchObject({ action: 'policy.update', detail: { changes: { presenceRetentionDays: 20 } } });
    // The organisation default reaches people who have not chosen their own target.
    expect((await h.api(member, 'GET', '/api/me/preferences')).body.dailyDisconnectTargetMinutes).toBe(60);
  });

  it('team balance: members only, refused below the minimum, aggregate figures at or above it', async () => {
    const team = CUSTOMER_SUCCESS_TEAM_ID; // every seeded person is a member
    const outsider = await h.api(tokens[0]!, 'GET', `/api/teams/${team}/balance`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_a_member');

    // One week for everyone, whatever day it is in each member's zone right now.
    const week = (await h.api(tokens[0]!, 'GET', '/api/me/balance')).body.range as { from: string; to: string };
    const shareWeek = async (token: string) => {
      expect((await h.api(token, 'PUT', `/api/teams/${team}/membership`)).body).toEqual({ optedIn: true });
      expect((await h.api(token, 'GET', `/api/me/balance?from=${week.from}&to=${week.to}`)).status).toBe(200);
    };
    const members = [tokens[0]!, tokens[1]!, tokens[2]!, tokens[3]!, tokens[4]!];
    for (const token of members.slice(0, 4)) await shareWeek(token);
    const four = await h.api(tokens[0]!, 'GET', `/api/teams/${team}/balance`);
    expect(four.status).toBe(200);
    expect(four.body).toMatchObject({ status: 'not-enough-members', members: 4, minimum: 5 });
    expect(four.body.message).toContain('4 of 5');
    expect(four.body.totals).toBeUndefined();

    await shareWeek(members[4]!);
    const five = await h.api(tokens[0]!, 'GET', `/api/teams/${team}/balance?week=${week.from}`);
    expect(five.body).toMatchObject({ status: 'ok', members: 5, minimum: 5 });
    for (const value of Object.values(five.body.totals as Record<string, number>)) expect(value % five.body.roundingMinutes).toBe(0);
    expect(JSON.stringify(five.body)).not.toContain(h.people[0]!.id);

    expect((await h.api(tokens[4]!, 'DELETE', `/api/teams/${team}/membership`)).body).toEqual({ optedIn: false });
    expect((await h.api(tokens[0]!, 'GET', `/api/teams/${team}/balance?week=${week.from}`)).body.status).toBe('not-enough-members');
    expect((await h.api(tokens[0]!, 'GET', `/api/teams/${team}/balance?week=2026-11-24`)).status).toBe(400);
  });

  it('team membership is checked with Graph: a non-member cannot opt in nor read, an unknown team neither, and the id must be a group id', async () => {
    const europe = SEED_TEAMS.find((t) => t.displayName === 'Support Europe')!;
    const mateo = tokens[1]!; // not in Support Europe
    const hannah = tokens[4]!; // in it
    for (const [method, path] of [['PUT', `/api/teams/${europe.id}/membership`], ['PUT', '/api/teams/00000000-1111-4222-8333-444444444444/membership']] as const) {
      const refused = await h.api(mateo, method, path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('not_a_team_member');
    }
    expect((await h.api(mateo, 'GET', `/api/teams/${europe.id}/membership`)).body).toEqual({ optedIn: false });
    expect((await h.api(hannah, 'PUT', `/api/teams/${europe.id.toUpperCase()}/membership`)).body).toEqual({ optedIn: true });
    expect((await h.api(hannah, 'GET', `/api/teams/${europe.id}/membership`)).body).toEqual({ optedIn: true });
    expect((await h.api(hannah, 'GET', `/api/teams/${europe.id}/balance`)).body.status).toBe('not-enough-members');
    // A Teams thread id is not a group id: a clear 400.
    const thread = await h.api(hannah, 'PUT', `/api/teams/${encodeURIComponent('19:abc@thread.tacv2')}/membership`);
    expect(thread.status).toBe(400);
  });
});
