/**
 * Every Microsoft Graph call Unplug makes, with the permissions Microsoft's API reference lists for
 * it. This is the one table the gateway, the demo tenant (which refuses a token lacking the
 * permission, as Graph does) and the app-package checks (every call's permission must be requested
 * in `aad.manifest.json`) read. Adding a Graph call without a row here, or a row whose permission
 * the registration does not ask for, fails a test.
 *
 * `delegated` / `application`: the permissions that grant the call, least privileged first (the
 * first is the one Unplug should request; the rest are the "higher privileged" ones Microsoft
 * lists, which Graph also accepts), or `'not-supported'` where Microsoft documents the permission
 * type as not supported. `docs`: the Microsoft Learn page the row was read from.
 */
export type PermissionList = readonly [string, ...string[]] | 'not-supported';

export interface GraphCall {
  /** A stable name for the call, used in tests and error messages. */
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /**
   * Path after the version root, with `{name}` for parameters, as the API reference writes it.
   * `/me/...` rows are delegated-only by nature ("You can't use application permissions to access
   * APIs under the /me path").
   */
  path: string;
  delegated: PermissionList;
  application: PermissionList;
  /** Who makes the call: the tab's on-behalf-of token, a background job's app-only token, or both. */
  usedWith: readonly ('delegated' | 'application')[];
  docs: string;
  /** Anything else from the page that the demo tenant enforces (limits, refusals). */
  notes?: string;
}

const READ_CALENDAR = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'] as const;
const WRITE_CALENDAR = ['Calendars.ReadWrite'] as const;
const READ_MAILBOX_SETTINGS = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'] as const;

export const GRAPH_CALLS: readonly GraphCall[] = [
  {
    name: 'calendarView',
    method: 'GET', path: '/me/calendarView',
    delegated: READ_CALENDAR, application: READ_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-list-calendarview',
  },
  {
    name: 'calendarView delta',
    method: 'GET', path: '/me/calendarView/delta',
    delegated: READ_CALENDAR, application: READ_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-delta',
  },
  {
    name: 'create event',
    method: 'POST', path: '/me/events',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-post-events',
  },
  {
    name: 'get event',
    method: 'GET', path: '/me/events/{id}',
    delegated: READ_CALENDAR, application: READ_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-get',
  },
  {
    name: 'update event',
    method: 'PATCH', path: '/me/events/{id}',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-update',
  },
  {
    name: 'delete event',
    method: 'DELETE', path: '/me/events/{id}',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-delete',
  },
  {
    name: 'mailboxSettings',
    method: 'GET', path: '/me/mailboxSettings',
    delegated: READ_MAILBOX_SETTINGS, application: READ_MAILBOX_SETTINGS, usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-get-mailboxsettings',
  },
  {
    name: 'my presence',
    method: 'GET', path: '/me/presence',
    delegated: ['Presence.Read', 'Presence.Read.All'], application: 'not-supported', usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-get',
    notes: 'Application permissions cannot be used under /me. 1,500 requests per 30 s per app per tenant.',
  },
  {
    name: 'getPresencesByUserId',
    method: 'POST', path: '/communications/getPresencesByUserId',
    delegated: ['Presence.Read.All'], application: ['Presence.Read.All', 'Presence.ReadWrite.All'], usedWith: ['application'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/cloudcommunications-getpresencesbyuserid',
    notes: 'At most 650 ids per request; 1,500 requests per 30 s per app per tenant.',
  },
  {
    name: 'setStatusMessage',
    method: 'POST', path: '/users/{id}/presence/setStatusMessage',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-setstatusmessage',
  },
  {
    name: 'setUserPreferredPresence',
    method: 'POST', path: '/users/{id}/presence/setUserPreferredPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence',
  },
  {
    name: 'clearUserPreferredPresence',
    method: 'POST', path: '/users/{id}/presence/clearUserPreferredPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-clearuserpreferredpresence',
  },
  {
    name: 'create presence subscription',
    method: 'POST', path: '/subscriptions',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions',
    notes: 'Resource /communications/presences?$filter=id in (...) (at most 650 ids); expiry at most 60 minutes. https://learn.microsoft.com/en-us/graph/changenotifications-for-presence',
  },
  {
    name: 'renew presence subscription',
    method: 'PATCH', path: '/subscriptions/{id}',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-update',
  },
  {
    name: 'delete presence subscription',
    method: 'DELETE', path: '/subscriptions/{id}',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: ['delegated'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-delete',
  },
  {
    name: 'sendActivityNotification',
    method: 'POST', path: '/users/{id}/teamwork/sendActivityNotification',
    delegated: ['TeamsActivity.Send'], application: ['TeamsActivity.Send'], usedWith: ['application'],
    docs: 'https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification',
    notes: 'The least privileged application permission is TeamsActivity.Send.User, a resource-specific (RSC) permission each person grants by installing the app; Unplug asks the tenant-wide TeamsActivity.Send instead, consented once by an admin. activityType must be declared in the app manifest (or be systemDefault); topic source text needs a webUrl; the app must be installed for the recipient (https://learn.microsoft.com/en-us/graph/teams-send-activityfeednotifications). 204 No Content. 5 requests per second per app per tenant (https://learn.microsoft.com/en-us/graph/throttling-limits#microsoft-teams-service-limits).',
  },
];
