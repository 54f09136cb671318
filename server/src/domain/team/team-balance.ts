/**
 * A team's balance, for the channel tab: aggregate figures only, and only for a group of at least
 * the organisation's minimum size (never below 5).
 *
 * Why totals rounded to a coarse unit: someone who can ask for the team with and without one
 * member could subtract the two answers to get that member's figures. Every published figure is a
 * team *total* rounded to `TEAM_ROUNDING_MINUTES` on one fixed grid (averages and ratios are
 * computed only from those rounded totals), so the difference of two answers pins a member's
 * figure down to no better than a 4-hour window — whatever the other members' figures are — or a
 * 2-hour one when both totals round to zero (no one has fewer than 0 minutes). (Rounded
 * *averages* would not do: n and n + 1 members put them on different grids, and the two grids
 * together can reveal a member exactly.)
 */
import type { BalanceTotals } from '../balance/balance-types';
import { TEAM_FIGURES, type TeamFigure } from '@unplug/contract/vocabulary';
import { MIN_GROUP_SIZE_FLOOR } from '../defaults';

/** The grid every published team total sits on. */
export const TEAM_ROUNDING_MINUTES = 240;

/** The published figures: the API's list (contract/src/vocabulary.ts). */
export { TEAM_FIGURES, type TeamFigure };
export type TeamFigures = Record<TeamFigure, number>;

export type TeamBalance =
  | {
    status: 'ok';
    members: number;
    minimum: number;
    roundingMinutes: number;
    /** Team totals over the range, each rounded to `roundingMinutes`. */
    totals: TeamFigures;
    /** Rounded totals divided by `members`, in whole minutes. */
    averages: TeamFigures;
    /** Rounded disconnected / rounded working (3 decimals), or `null`. */
    balanceRatio: number | null;
  }
  | { status: 'not-enough-members'; members: number; minimum: number; message: string };

/** What the aggregate needs of each member's balance totals. */
export type TeamMemberTotals = Pick<BalanceTotals, TeamFigure | 'days'>;

const roundTo = (value: number, unit: number): number => Math.round(value / unit) * unit;

/**
 * Aggregate the members' balance totals for one range (each a `Balance` or its `totals`), or say
 * there are too few members.
 * @example
 * aggregateTeamBalance(balances.map((b) => b.totals), 5)
 * // { status: 'ok', members: 7, totals: { connectedMinutes: 9840, … }, averages: { connectedMinutes: 1406, … }, … }
 * aggregateTeamBalance(threeBalances, 5)
 * // { status: 'not-enough-members', members: 3, minimum: 5, message: 'Team figures need at least 5 members who opted in (3 of 5 so far).' }
 */
export function aggregateTeamBalance(balances: readonly (TeamMemberTotals | { totals: TeamMemberTotals })[], minGroupSize: number): TeamBalance {
  const memberTotals = balances.map((m) => ('totals' in m ? m.totals : m));
  const minimum = Math.max(MIN_GROUP_SIZE_FLOOR, Math.ceil(Number.isFinite(minGroupSize) ? minGroupSize : MIN_GROUP_SIZE_FLOOR));
  const members = memberTotals.length;
  if (members < minimum) {
    return { status: 'not-enough-members', members, minimum, message: `Team figures need at least ${minimum} members who opted in (${members} of ${minimum} so far).` };
  }
  const totals = {} as TeamFigures;
  const averages = {} as TeamFigures;
  for (const figure of TEAM_FIGURES) {
    let sum = 0;
    // Clamp each contribution to what a person's range can hold, so one odd input cannot dominate.
    for (const m of memberTotals) sum += Math.min(Math.max(0, m[figure] || 0), Math.max(0, m.days) * 1440);
    totals[figure] = roundTo(sum, TEAM_ROUNDING_MINUTES);
    averages[figure] = Math.round(totals[figure] / members);
  }
  const balanceRatio = totals.workingMinutes > 0 ? Math.round((totals.disconnectedMinutes / totals.workingMinutes) * 1000) / 1000 : null;
  return { status: 'ok', members, minimum, roundingMinutes: TEAM_ROUNDING_MINUTES, totals, averages, balanceRatio };
}
