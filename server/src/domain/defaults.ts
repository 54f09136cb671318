import { MIN_GROUP_SIZE_FLOOR } from '@unplug/contract/limits';
import type { OrgPolicy, Preferences, QuietTimePreferences } from './types';

export const DEFAULT_PREFERENCES: Preferences = {
  dailyDisconnectTargetMinutes: 90,
  minBlockMinutes: 30,
  maxBlockMinutes: 90,
  preferredTimeOfDay: 'any',
  bufferMinutes: 10,
  lunch: { start: '12:00', end: '13:00' },
  blockSubject: 'Unplugged',
  blockShowAs: 'busy',
};

export const DEFAULT_QUIET_TIME: QuietTimePreferences = {
  enabled: true,
  eveningBufferMinutes: 30,
  weekends: true,
  autoStatus: false,
  statusMessage: 'Unplugged until {until} — urgent? call me',
  preferredPresence: null,
};

/** The smallest team aggregate ever shown, whatever an admin sets (a limit of the contract). */
export { MIN_GROUP_SIZE_FLOOR };

export const DEFAULT_ORG_POLICY: OrgPolicy = {
  defaults: DEFAULT_PREFERENCES,
  quietTimeDefaults: DEFAULT_QUIET_TIME,
  minGroupSize: MIN_GROUP_SIZE_FLOOR,
  presenceRetentionDays: 35,
  features: { presenceTimeline: true, autoStatus: true, teamBalance: true },
};
