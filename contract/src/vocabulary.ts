/**
 * The API's closed lists of words, shared by the schemas, the domain and the tab. This module
 * imports nothing (the domain and the tab read it without TypeBox).
 */

/** The figures a team aggregate publishes (server/src/domain/team/team-balance.ts rounds them). */
export const TEAM_FIGURES = [
  'workingMinutes', 'connectedMinutes', 'disconnectedMinutes', 'afterHoursConnectedMinutes',
  'meetingMinutes', 'protectedMinutes', 'honouredMinutes', 'targetMinutes',
] as const;
export type TeamFigure = (typeof TEAM_FIGURES)[number];

export const TIMES_OF_DAY = ['morning', 'afternoon', 'any'] as const;
/** How a booked block shows in Outlook (Graph's `showAs`). */
export const BLOCK_SHOW_AS = ['busy', 'tentative', 'oof', 'workingElsewhere', 'free'] as const;
/** The presence the automatic status may set. */
export const PREFERRED_PRESENCES = ['DoNotDisturb', 'Away', 'BeRightBack', 'Busy', 'Offline'] as const;
