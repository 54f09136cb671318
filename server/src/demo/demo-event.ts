/** Graph's `showAs` values. */
export type DemoShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
/** Graph's `responseStatus.response` values. */
export type DemoResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface DemoAttendee {
  name: string;
  address: string;
  type: 'required' | 'optional' | 'resource';
}

/** How presence reacts while the event runs. */
export type PresenceHint = 'meeting' | 'call' | 'presenting' | 'focus';

/**
 * One event in one mailbox, as the demo tenant stores it. Times are instants (epoch ms); an
 * all-day event also keeps its floating dates, since it covers whole days on the owner's wall clock.
 */
export interface DemoEvent {
  id: string;
  iCalUId: string;
  subject: string;
  bodyPreview: string;
  start: number;
  end: number;
  isAllDay: boolean;
  /** `YYYY-MM-DD` dates (end exclusive) of an all-day event. */
  allDay?: { startDate: string; endDate: string };
  /** The zone the event was created in (Graph's `originalStartTimeZone`). */
  originalTimeZone: string;
  showAs: DemoShowAs;
  response: DemoResponse;
  isCancelled: boolean;
  isOrganizer: boolean;
  organizer: { name: string; address: string };
  /** Shared, read-only lists: many occurrences point at the same array. */
  attendees: readonly DemoAttendee[];
  type: 'singleInstance' | 'occurrence' | 'exception';
  seriesMasterId?: string;
  categories: readonly string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  isOnlineMeeting: boolean;
  importance: 'low' | 'normal' | 'high';
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  location?: string;
  transactionId?: string;
  createdAt: number;
  modifiedAt: number;
  /** Bumped on every change; feeds the change key and `@odata.etag`. */
  version: number;
  presenceHint: PresenceHint;
}

/** Whether the event occupies the owner's time (for presence and meeting load). */
export function occupiesTime(e: DemoEvent): boolean {
  return !e.isCancelled && e.response !== 'declined' && (e.showAs === 'busy' || e.showAs === 'tentative' || e.showAs === 'oof' || e.showAs === 'workingElsewhere');
}
