/**
 * Every limit of the API, one value each. The schemas (`settings.ts` …) state them as constraints,
 * the domain's checks (server/src/domain/settings) and the tab's form rules read them from here.
 * This module imports nothing: the tab bundles it without TypeBox.
 */

/** The smallest team aggregate ever shown, whatever an admin sets. */
export const MIN_GROUP_SIZE_FLOOR = 5;

/** `[min, max]`, both allowed. Lengths count characters after trimming. */
export const LIMITS = {
  dailyDisconnectTargetMinutes: [0, 480],
  minBlockMinutes: [15, 240],
  maxBlockMinutes: [15, 480],
  bufferMinutes: [0, 60],
  eveningBufferMinutes: [0, 240],
  minGroupSize: [MIN_GROUP_SIZE_FLOOR, 1000],
  presenceRetentionDays: [1, 365],
  /** Graph's limit for an event subject (the booked block's title). */
  blockSubjectLength: [1, 255],
  /** Teams' limit for a status message; empty is allowed while the automatic status is off. */
  statusMessageLength: [0, 280],
  /** Days `GET /api/me/suggestions` plans ahead. */
  suggestionDays: [1, 10],
  /** Length of a suggestion or quiet-window id in a URL. */
  idLength: [1, 100],
} as const satisfies Record<string, readonly [number, number]>;

/** The longest range one balance request may ask for, in days. */
export const MAX_BALANCE_DAYS = 42;

/** Days `GET /api/me/suggestions` plans when not told. */
export const DEFAULT_SUGGESTION_DAYS = 5;

export type Limit = keyof typeof LIMITS;
