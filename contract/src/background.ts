import { Type, type Static } from '@sinclair/typebox';
import { InstantString, Unavailable } from './common';

const Reason = Type.Union([Type.Null(), Unavailable], {
  description: 'Why the feature cannot work now (the organisation turned it off, or an admin has not granted the application permission), or null',
});

/** `GET /api/me/status` */
export const AutoStatus = Type.Object({
  enabled: Type.Boolean({ description: 'The person chose the automatic status (quiet-time settings)' }),
  available: Type.Boolean(),
  reason: Reason,
  current: Type.Union([Type.Null(), Type.Object({
    kind: Type.String({ description: 'block, evening or weekend' }),
    until: InstantString,
    message: Type.String(),
    state: Type.String({ description: 'set: Unplug set it; left: the person showed their own status, so Unplug left it' }),
  })]),
});

/** `GET`/`PUT /api/me/presence-timeline` */
export const PresenceTimeline = Type.Object({
  enabled: Type.Boolean({ description: 'The person asked for their presence to be sampled' }),
  since: Type.Union([Type.Null(), InstantString]),
  available: Type.Boolean(),
  reason: Reason,
});

export const PresenceTimelineUpdate = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

const Switches = {
  startingSoon: Type.Boolean({ description: 'A booked block or quiet time starts in 5 minutes' }),
  longDay: Type.Boolean({ description: 'At the end of a day with long connected time, a suggestion for tomorrow' }),
  weeklySummary: Type.Boolean({ description: 'At the end of the week: its balance, the trend against the last four weeks, one suggestion' }),
};

export const NudgeSwitches = Type.Object(Switches, { additionalProperties: false });

/** `GET`/`PUT /api/me/nudges` */
export const Nudges = Type.Object({
  ...Switches,
  available: Type.Boolean({ description: 'Whether Unplug can post to the Teams activity feed in this organisation' }),
  reason: Type.Union([Type.Null(), Unavailable], { description: 'Why nudges cannot be sent now, or null' }),
});

export const NudgesUpdate = Type.Partial(NudgeSwitches);

export type AutoStatus = Static<typeof AutoStatus>;
export type PresenceTimeline = Static<typeof PresenceTimeline>;
export type NudgeSwitches = Static<typeof NudgeSwitches>;
export type Nudges = Static<typeof Nudges>;
