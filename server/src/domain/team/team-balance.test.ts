import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamFigure, TeamFigures } from './team-balance';
import { TEAM_FIGURES, TEAM_ROUNDING_MINUTES, aggregateTeamBalance } from './team-balance';

type Member = TeamFigures & { days: number };
const member = (f: Partial<TeamFigures> = {}): Member => ({
  days: 7, workingMinutes: 2400, connectedMinutes: 1200, disconnectedMinutes: 1200, afterHoursConnectedMinutes: 120,
  meetingMinutes: 900, protectedMinutes: 300, honouredMinutes: 200, targetMinutes: 450, ...f,
});

describe('aggregateTeamBalance', () => {
  it('says how many members are missing below the minimum', () => {
    expect(aggregateTeamBalance([member(), member(), member(), member()], 5)).toEqual({
      status: 'not-enough-members', members: 4, minimum: 5, message: 'Team figures need at least 5 members who opted in (4 of 5 so far).',
    });
    expect(aggregateTeamBalance([member(), member(), member(), member()], 2)).toMatchObject({ status: 'not-enough-members', minimum: 5 });
    expect(aggregateTeamBalance(Array.from({ length: 6 }, () => member()), 8)).toMatchObject({ status: 'not-enough-members', members: 6, minimum: 8 });
  });

  it('publishes totals on a 4-hour grid and averages from them', () => {
    const team = Array.from({ length: 5 }, (_, k) => member({ afterHoursConnectedMinutes: 100 + k * 5 })); // 550 in total
    const result = aggregateTeamBalance(team, 5);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.totals.afterHoursConnectedMinutes).toBe(480);
    expect(result.averages.afterHoursConnectedMinutes).toBe(96);
    expect(result.totals.workingMinutes).toBe(12_000);
    expect(result.balanceRatio).toBe(0.5);
    for (const figure of TEAM_FIGURES) expect(result.totals[figure] % TEAM_ROUNDING_MINUTES).toBe(0);
    expect(aggregateTeamBalance(team.map((totals) => ({ totals })), 5)).toEqual(result);
  });

  it('clamps impossible contributions', () => {
    const result = aggregateTeamBalance([...Array.from({ length: 4 }, () => member()), member({ meetingMinutes: 1e9 })], 5);
    expect(result.status === 'ok' && result.totals.meetingMinutes).toBe(roundTo(4 * 900 + 7 * 1440));
  });
});

const roundTo = (x: number) => Math.round(x / TEAM_ROUNDING_MINUTES) * TEAM_ROUNDING_MINUTES;

/** Members whose figures sum to `target` (≤ the real sum when lowering, ≥ when raising), changing as few as needed. */
function withSum(members: readonly Member[], figure: TeamFigure, target: number): Member[] {
  const out = members.map((m) => ({ ...m }));
  let delta = target - out.reduce((s, m) => s + m[figure], 0);
  for (const m of out) {
    if (delta === 0) break;
    const room = delta > 0 ? m.days * 1440 - m[figure] : -m[figure];
    const step = delta > 0 ? Math.min(delta, room) : Math.max(delta, room);
    m[figure] += step;
    delta -= step;
  }
  if (delta !== 0) throw new Error('no room');
  return out;
}

describe('aggregateTeamBalance — a differencing attack learns no member’s figures', () => {
  // Small values too: near zero is where rounding hides least.
  const arbMember = fc.record(Object.fromEntries(TEAM_FIGURES.map((f) => [f, fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }))])) as Record<TeamFigure, fc.Arbitrary<number>>).map((f) => ({ ...f, days: 7 }));

  it('two worlds whose member differs by at least a grid step answer both queries identically', () => {
    fc.assert(fc.property(fc.array(arbMember, { minLength: 5, maxLength: 12 }), arbMember, (group, extra) => {
      const without = aggregateTeamBalance(group, 5);
      const withExtra = aggregateTeamBalance([...group, extra], 5);
      // Build, figure by figure, the world where the extra member is as high as the answers allow
      // and the one where they are as low, with the rest of the team adjusted within their rounding.
      let highGroup = group.map((m) => ({ ...m }));
      let lowGroup = group.map((m) => ({ ...m }));
      const highExtra = { ...extra };
      const lowExtra = { ...extra };
      for (const f of TEAM_FIGURES) {
        const r = roundTo(group.reduce((s, m) => s + m[f], 0));
        const rWith = roundTo(group.reduce((s, m) => s + m[f], 0) + extra[f]);
        const sumLow = Math.max(0, r - TEAM_ROUNDING_MINUTES / 2);
        const sumHigh = r + TEAM_ROUNDING_MINUTES / 2 - 1;
        highGroup = withSum(highGroup, f, sumLow);
        highExtra[f] = rWith + TEAM_ROUNDING_MINUTES / 2 - 1 - sumLow;
        lowGroup = withSum(lowGroup, f, sumHigh);
        lowExtra[f] = Math.max(0, Math.max(0, rWith - TEAM_ROUNDING_MINUTES / 2) - sumHigh);
        // The attacker cannot tell these apart, and they are a grid step (4 h) apart or more — half
        // a step (2 h) when both totals round to zero, since no one has fewer than 0 minutes.
        const spread = r === 0 && rWith === 0 ? TEAM_ROUNDING_MINUTES / 2 : TEAM_ROUNDING_MINUTES;
        expect(highExtra[f] - lowExtra[f]).toBeGreaterThanOrEqual(spread - 1);
        expect(lowExtra[f]).toBeLessThanOrEqual(extra[f]);
        expect(highExtra[f]).toBeGreaterThanOrEqual(extra[f]);
      }
      expect(aggregateTeamBalance(highGroup, 5)).toEqual(without);
      expect(aggregateTeamBalance([...highGroup, highExtra], 5)).toEqual(withExtra);
      expect(aggregateTeamBalance(lowGroup, 5)).toEqual(without);
      expect(aggregateTeamBalance([...lowGroup, lowExtra], 5)).toEqual(withExtra);
    }), { numRuns: 200 });
  });

  it('a group one short of the minimum reveals nothing at all', () => {
    fc.assert(fc.property(fc.array(arbMember, { minLength: 4, maxLength: 4 }), fc.array(arbMember, { minLength: 4, maxLength: 4 }), (a, b) => {
      expect(aggregateTeamBalance(a, 5)).toEqual(aggregateTeamBalance(b, 5));
    }), { numRuns: 50 });
  });
});
