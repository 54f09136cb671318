import { Type, type Static } from '@sinclair/typebox';
import { LocalDateString } from './common';
import { TEAM_FIGURES, type TeamFigure } from './vocabulary';

/** A team is named by its Microsoft 365 group id (the channel tab's `team.groupId`), which Graph checks membership of. */
export const TeamParams = Type.Object({
  teamId: Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description: "The team's Microsoft 365 group id (a GUID)" }),
}, { additionalProperties: false });

const figures = Type.Object(Object.fromEntries(TEAM_FIGURES.map((f) => [f, Type.Integer()])) as Record<TeamFigure, ReturnType<typeof Type.Integer>>);

export const TeamBalanceQuery = Type.Object({ week: Type.Optional(LocalDateString) }, { additionalProperties: false });

/** `GET /api/teams/{teamId}/balance` */
export const TeamBalanceResponse = Type.Union([
  Type.Object({
    status: Type.Literal('ok'), week: LocalDateString, members: Type.Integer(), minimum: Type.Integer(), roundingMinutes: Type.Integer(),
    totals: figures, averages: figures, balanceRatio: Type.Union([Type.Number(), Type.Null()]),
  }),
  Type.Object({ status: Type.Literal('not-enough-members'), week: LocalDateString, members: Type.Integer(), minimum: Type.Integer(), message: Type.String() }),
]);

export const MembershipResponse = Type.Object({ optedIn: Type.Boolean() });

export type TeamBalanceResponse = Static<typeof TeamBalanceResponse>;
export type MembershipResponse = Static<typeof MembershipResponse>;
