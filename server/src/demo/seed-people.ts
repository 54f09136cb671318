import type { CustomZoneRule } from './time-zones';

/** What defines a person of the demo organisation before ids and zones are derived. */
export interface PersonSpec {
  givenName: string;
  surname: string;
  jobTitle: string;
  officeLocation: string;
  /** A Windows zone name, or `custom` for the one person whose working hours use a custom zone. */
  windowsZone: string | 'custom';
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  startTime: string;
  endTime: string;
  admin: boolean;
  /**
   * Directory role template ids beyond the default member role (e.g. Teams Administrator). They
   * reach the SSO token's `wids` only when the app registration sets `groupMembershipClaims`.
   */
  directoryRoles?: string[];
  /** This person has not consented to Unplug yet: on-behalf-of fails until they do. */
  consentRequired: boolean;
  /** Chance, per working day, of being online in the evening. */
  afterHoursChance: number;
  /** 0–1: how full their calendar is. */
  meetingLoad: number;
  preferredLanguage: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Microsoft Entra built-in role template ids: https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference */
export const TEAMS_ADMINISTRATOR_ROLE_TEMPLATE_ID = '69091246-20e8-4a56-aa4d-066075b2a7a8';
/** Every member user holds the "User" role; Entra lists it in `wids` too. */
export const MEMBER_USER_ROLE_TEMPLATE_ID = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/**
 * A custom zone with rules no named zone has: UTC+2 in winter, UTC+3 from the second Sunday of
 * March to the first Sunday of November (Windows convention: UTC = local + bias).
 */
export const CUSTOM_ZONE_RULE: CustomZoneRule = {
  bias: -120,
  standard: { month: 11, dayOccurrence: 1, dayOfWeek: 0, time: '02:00:00' },
  daylight: { month: 3, dayOccurrence: 2, dayOfWeek: 0, time: '02:00:00', daylightBias: -60 },
};
export const CUSTOM_ZONE_NAME = 'Customized Time Zone';

/**
 * The twelve people of the seeded organisation, in teams of four (the first of each team leads
 * it; Avery leads everyone). Teams mix zones on purpose, so shared meetings land in someone's
 * evening.
 */
export const SEED_PEOPLE: readonly PersonSpec[] = [
  // Team 0: Americas
  { givenName: 'Avery', surname: 'Quinn', jobTitle: 'Head of Customer Success', officeLocation: 'Seattle', windowsZone: 'Pacific Standard Time', workingDays: WEEKDAYS, startTime: '08:00:00', endTime: '17:00:00', admin: true, consentRequired: false, afterHoursChance: 0.55, meetingLoad: 0.9, preferredLanguage: 'en-US' },
  { givenName: 'Mateo', surname: 'Silva', jobTitle: 'Account Manager', officeLocation: 'Seattle', windowsZone: 'Pacific Standard Time', workingDays: WEEKDAYS, startTime: '09:00:00', endTime: '17:30:00', admin: false, consentRequired: false, afterHoursChance: 0.25, meetingLoad: 0.7, preferredLanguage: 'en-US' },
  { givenName: 'Jordan', surname: 'Ellis', jobTitle: 'Sales Operations Lead', officeLocation: 'New York', windowsZone: 'Eastern Standard Time', workingDays: WEEKDAYS, startTime: '09:00:00', endTime: '17:00:00', admin: true, consentRequired: false, afterHoursChance: 0.3, meetingLoad: 0.6, preferredLanguage: 'en-US' },
  { givenName: 'Maya', surname: 'Thompson', jobTitle: 'Customer Success Manager', officeLocation: 'Toronto', windowsZone: 'Eastern Standard Time', workingDays: WEEKDAYS, startTime: '07:00:00', endTime: '15:30:00', admin: false, consentRequired: false, afterHoursChance: 0.15, meetingLoad: 0.5, preferredLanguage: 'en-CA' },
  // Team 1: Europe
  { givenName: 'Hannah', surname: 'Becker', jobTitle: 'Support Team Lead', officeLocation: 'Berlin', windowsZone: 'W. Europe Standard Time', workingDays: WEEKDAYS, startTime: '08:30:00', endTime: '17:00:00', admin: false, directoryRoles: [TEAMS_ADMINISTRATOR_ROLE_TEMPLATE_ID], consentRequired: false, afterHoursChance: 0.4, meetingLoad: 0.8, preferredLanguage: 'de-DE' },
  { givenName: 'Lukas', surname: 'Meyer', jobTitle: 'Support Engineer', officeLocation: 'Amsterdam', windowsZone: 'W. Europe Standard Time', workingDays: WEEKDAYS, startTime: '09:00:00', endTime: '18:00:00', admin: false, consentRequired: true, afterHoursChance: 0.2, meetingLoad: 0.4, preferredLanguage: 'nl-NL' },
  { givenName: 'Sofia', surname: 'Rossi', jobTitle: 'Community Manager', officeLocation: 'Remote', windowsZone: 'custom', workingDays: WEEKDAYS, startTime: '09:00:00', endTime: '18:00:00', admin: false, consentRequired: false, afterHoursChance: 0.35, meetingLoad: 0.6, preferredLanguage: 'it-IT' },
  { givenName: 'Noah', surname: 'Williams', jobTitle: 'Night Support Engineer', officeLocation: 'London', windowsZone: 'GMT Standard Time', workingDays: WEEKDAYS, startTime: '22:00:00', endTime: '06:00:00', admin: false, consentRequired: false, afterHoursChance: 0.2, meetingLoad: 0.3, preferredLanguage: 'en-GB' },
  // Team 2: Asia-Pacific
  { givenName: 'Priya', surname: 'Raman', jobTitle: 'Community Lead', officeLocation: 'Bengaluru', windowsZone: 'India Standard Time', workingDays: WEEKDAYS, startTime: '10:00:00', endTime: '19:00:00', admin: false, consentRequired: false, afterHoursChance: 0.45, meetingLoad: 0.8, preferredLanguage: 'en-IN' },
  { givenName: 'Arjun', surname: 'Mehta', jobTitle: 'Partner Manager', officeLocation: 'Mumbai', windowsZone: 'India Standard Time', workingDays: WEEKDAYS, startTime: '09:30:00', endTime: '18:30:00', admin: false, consentRequired: false, afterHoursChance: 0.3, meetingLoad: 0.6, preferredLanguage: 'en-IN' },
  { givenName: 'Chloe', surname: 'Nguyen', jobTitle: 'Customer Success Manager', officeLocation: 'Sydney', windowsZone: 'AUS Eastern Standard Time', workingDays: WEEKDAYS, startTime: '08:30:00', endTime: '17:00:00', admin: false, consentRequired: false, afterHoursChance: 0.3, meetingLoad: 0.6, preferredLanguage: 'en-AU' },
  { givenName: 'Liam', surname: "O'Brien", jobTitle: 'Solutions Consultant', officeLocation: 'Melbourne', windowsZone: 'AUS Eastern Standard Time', workingDays: [1, 2, 3, 4], startTime: '09:00:00', endTime: '17:00:00', admin: false, consentRequired: false, afterHoursChance: 0.2, meetingLoad: 0.5, preferredLanguage: 'en-AU' },
];

/** Zones, names and titles the generator draws from for people beyond the twelve. */
export const GENERATED_ZONES = [
  'Pacific Standard Time', 'Mountain Standard Time', 'Central Standard Time', 'Eastern Standard Time',
  'E. South America Standard Time', 'GMT Standard Time', 'W. Europe Standard Time', 'Romance Standard Time',
  'South Africa Standard Time', 'India Standard Time', 'Singapore Standard Time', 'Tokyo Standard Time',
  'AUS Eastern Standard Time', 'New Zealand Standard Time',
] as const;

export const GIVEN_NAMES = [
  'Alex', 'Sam', 'Riley', 'Taylor', 'Jamie', 'Morgan', 'Casey', 'Robin', 'Elena', 'Omar', 'Yuki', 'Amara',
  'Lars', 'Ines', 'Tariq', 'Mei', 'Diego', 'Zara', 'Felix', 'Nadia', 'Kofi', 'Leila', 'Hugo', 'Anya',
] as const;

export const SURNAMES = [
  'Andersen', 'Baptiste', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hoffmann', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Mensah', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Santos', 'Tanaka',
] as const;

export const JOB_TITLES = [
  'Account Manager', 'Support Engineer', 'Customer Success Manager', 'Community Manager', 'Partner Manager',
  'Solutions Consultant', 'Sales Development Rep', 'Onboarding Specialist',
] as const;

export const WORKING_HOURS = [
  ['08:00:00', '16:30:00'], ['08:30:00', '17:00:00'], ['09:00:00', '17:30:00'], ['09:00:00', '18:00:00'], ['10:00:00', '18:30:00'],
] as const;
