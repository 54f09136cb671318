/**
 * Nobody reaches another person's data: suggestion ids and booked blocks stay with their owner,
 * exports and erasure cover the caller only, team figures never give away one member, and admin
 * routes are for admins. The whole server runs in demo mode (real tokens, real Graph round trips).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_FIGURES, TEAM_ROUNDING_MINUTES } from '../../../server/src/domain/team/team-balance';
import { startApiHarness, type ApiHarness } from '../api/api-harness';
import { apiRoutes, fillPath, routeName } from './support/route-table';
import { CUSTOMER_SUCCESS_TEAM_ID, SEED_TEAMS } from '../../../server/src/demo/teams';

/** Support Europe: Avery (the owner below) is a member. */
const EUROPE_TEAM_ID = SEED_TEAMS.find((t) => t.displayName === 'Support Europe')!.id;

interface Listed { id: string; kind: string; start: string; end: string }

describe('authorisation', () => {
  let h: ApiHarness;
  let tokens: string[];
  let people: ApiHarness['people'];

  beforeAll(async () => {
    h = await startApiHarness({ api: { ratePerMinute: 10_000 } });
    // Lukas Meyer has not consented to Unplug: everyone else can use it.
    people = h.people.filter((p) => p.displayName !== 'Lukas Meyer');
    tokens = await Promise.all(people.map((p) => h.tokenFor(p.id)));
  });
  afterAll(() => h?.close());

  const suggestionsOf = async (token: string) => {
    const res = await h.api(token, 'GET', '/api/me/suggestions?days=10');
    expect(res.status).toBe(200);
    return res.body as { suggestions: Listed[]; booked: { id: string; eventId: string }[] };
  };
  const exportOf = async (token: string) => {
    const res = await h.api(token, 'GET', '/api/me/export');
    expect(res.status).toBe(200);
    const { exportedAt: _at, ...rest } = res.body as Record<string, unknown>;
    return rest;
  };

  it('no /api route names a person: every id a route takes is resolved within the caller’s own data', () => {
    const params = new Set(apiRoutes(h.app).flatMap((r) => r.params));
    // A new route with a person in its path needs its own authorisation test before joining this list.
    expect([...params].sort()).toEqual(['id', 'teamId']);
  });

  it("one person can never accept, dismiss, see or erase another's suggestions, blocks or export", async () => {
    const [ownerToken, otherToken] = [tokens[0]!, tokens[1]!];
    const [owner, other] = [people[0]!, people[1]!];
    const open = (await suggestionsOf(ownerToken)).suggestions;
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [booked, dismissed, untouched] = [open[0]!, open[1]!, open[2]!];

    const accepted = await h.api(ownerToken, 'POST', `/api/me/suggestions/${booked.id}/accept`);
    expect(accepted.status).toBe(201);
    expect((await h.api(ownerToken, 'POST', `/api/me/suggestions/${dismissed.id}/dismiss`)).status).toBe(204);
    expect((await h.api(ownerToken, 'PUT', '/api/me/preferences', { blockSubject: 'Owner private subject' })).status).toBe(200);
    expect((await h.api(ownerToken, 'PUT', `/api/teams/${EUROPE_TEAM_ID}/membership`)).status).toBe(200);
    const ownerEvents = await h.unplugEvents(owner.id);
    const otherEvents = await h.unplugEvents(other.id);
    const ownerExport = await exportOf(ownerToken);

    for (const target of [booked, dismissed, untouched]) {
      for (const [method, path, body] of [
        ['POST', `/api/me/suggestions/${target.id}/accept`, undefined],
        ['POST', `/api/me/suggestions/${target.id}/accept`, { start: target.start, end: target.end }],
        ['POST', `/api/me/suggestions/${target.id}/dismiss`, undefined],
      ] as const) {
        const res = await h.api(otherToken, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.error.code).toBe('suggestion_not_found');
        expect(JSON.stringify(res.body)).not.toContain(accepted.body.eventId);
      }
    }

    // The owner's state is as they left it: the booked block with its one event, the open one still open.
    const after = await suggestionsOf(ownerToken);
    expect(after.booked).toContainEqual(expect.objectContaining({ id: booked.id, eventId: accepted.body.eventId }));
    expect(after.suggestions.map((s) => s.id)).toContain(untouched.id);
    expect(after.suggestions.map((s) => s.id)).not.toContain(dismissed.id);
    expect(await h.unplugEvents(owner.id)).toEqual(ownerEvents);
    expect(await h.unplugEvents(other.id)).toEqual(otherEvents);

    // The other person's views hold nothing of the owner's.
    const otherText = JSON.stringify([await exportOf(otherToken), await suggestionsOf(otherToken)]);
    for (const secret of [owner.id, owner.userPrincipalName, booked.id, dismissed.id, accepted.body.eventId, 'Owner private subject', EUROPE_TEAM_ID]) {
      expect(otherText).not.toContain(secret);
    }

    // Erasing one's own data leaves the owner's untouched.
    expect((await h.api(otherToken, 'DELETE', '/api/me/data')).status).toBe(200);
    expect(await exportOf(ownerToken)).toEqual(ownerExport);
  });

  it('team figures: two answers that differ by one member do not give away that member’s figures; below the minimum, none', async () => {
    // Jordan, Maya, Hannah, Sofia, Noah and Priya: all in Customer Success (the owner above opted into another team).
    const team = CUSTOMER_SUCCESS_TEAM_ID;
    const week = (await h.api(tokens[2]!, 'GET', '/api/me/balance')).body.range as { from: string; to: string };
    const members = tokens.slice(2, 8);
    expect(members).toHaveLength(6);
    const figuresOf: Record<string, number>[] = [];
    for (const token of members) {
      expect((await h.api(token, 'PUT', `/api/teams/${team}/membership`)).status).toBe(200);
      const balance = await h.api(token, 'GET', `/api/me/balance?from=${week.from}&to=${week.to}`);
      expect(balance.status).toBe(200);
      figuresOf.push(balance.body.totals);
    }
    const teamBalance = async () => {
      const res = await h.api(members[0]!, 'GET', `/api/teams/${team}/balance?week=${week.from}`);
      expect(res.status).toBe(200);
      return res.body as { status: string; members: number; roundingMinutes: number; totals: Record<string, number>; averages: Record<string, number>; balanceRatio: number | null };
    };

    const withAll = await teamBalance();
    const leaver = members[5]!;
    const leaverFigures = figuresOf[5]!;
    expect((await h.api(leaver, 'DELETE', `/api/teams/${team}/membership`)).body).toEqual({ optedIn: false });
    const withoutOne = await teamBalance();
    expect([withAll.status, withAll.members, withoutOne.status, withoutOne.members]).toEqual(['ok', 6, 'ok', 5]);
    expect(withAll.roundingMinutes).toBe(TEAM_ROUNDING_MINUTES);

    let hidden = 0;
    for (const figure of TEAM_FIGURES) {
      const difference = withAll.totals[figure]! - withoutOne.totals[figure]!;
      const actual = leaverFigures[figure]!;
      // Both answers sit on one fixed grid, so their difference does too: it says "within 4 hours", no more.
      expect(withAll.totals[figure]! % TEAM_ROUNDING_MINUTES, figure).toBe(0);
      expect(difference % TEAM_ROUNDING_MINUTES, figure).toBe(0);
      expect(Math.abs(difference - actual), figure).toBeLessThan(TEAM_ROUNDING_MINUTES);
      if (actual % TEAM_ROUNDING_MINUTES !== 0) {
        expect(difference, figure).not.toBe(actual);
        hidden += 1;
      }
      // Averages come from the rounded totals, so they add nothing to what the totals say.
      for (const answer of [withAll, withoutOne]) expect(answer.averages[figure], figure).toBe(Math.round(answer.totals[figure]! / answer.members));
    }
    // The demo week gives the leaver figures off the grid: the check above really hid something.
    expect(hidden).toBeGreaterThan(0);
    expect(withAll.balanceRatio).toBe(Math.round((withAll.totals['disconnectedMinutes']! / withAll.totals['workingMinutes']!) * 1000) / 1000);

    // One more leaves: below the minimum group size the answer is the count, and no figure at all.
    expect((await h.api(members[4]!, 'DELETE', `/api/teams/${team}/membership`)).body).toEqual({ optedIn: false });
    const tooFew = await teamBalance();
    expect(tooFew).toMatchObject({ status: 'not-enough-members', members: 4, minimum: 5 });
    expect(JSON.stringify(tooFew)).not.toMatch(/totals|averages|balanceRatio|Minutes/);
  });

  it('every admin route refuses a non-admin, and a refused change changes nothing', async () => {
    const admin = tokens.find((t) => h.isAdmin(t))!;
    const member = tokens.find((t) => !h.isAdmin(t))!;
    expect(admin).toBeDefined();
    const before = (await h.api(admin, 'GET', '/api/admin/policy')).body;
    const adminRoutes = apiRoutes(h.app).filter((r) => r.path.startsWith('/api/admin/'));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(2);
    for (const route of adminRoutes) {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : { minGroupSize: 5, presenceRetentionDays: 1, features: { teamBalance: false } };
      const res = await h.api(member, route.method, fillPath(route, { id: 'x' }), body);
      expect(res.status, routeName(route)).toBe(403);
      expect(res.body.error.code, routeName(route)).toBe('admin_required');
    }
    expect((await h.api(admin, 'GET', '/api/admin/policy')).body).toEqual(before);
  });
});
