/**
 * Every Microsoft Graph call Unplug makes, with the permissions Microsoft's API reference lists for
 * it. This is the one table the gateway, the demo tenant (which refuses a token lacking the
 * permission, as Graph does) and the app-package checks (every call's permission must be requested
 * in `aad.manifest.json`) read. Adding a Graph call without a row here, or a row whose permission
 * the registration does not ask for, fails a test (`graph-calls.test.ts`,
 * `tests/integration/app-package/validation.test.ts`).
 *
 * A `/me/...` row also covers the same operation on `/users/{id}/...` (one API reference page), the
 * only form an app-only token may use.
 *
 * `delegated` / `application`: the permissions that grant the call, least privileged first (the
 * first is the one Unplug should request; the rest are the "higher privileged" ones Microsoft
 * lists, which Graph also accepts), or `'not-supported'` where Microsoft documents the permission
 * type as not supported. `docs`: the Microsoft Learn page the row was read from.
 */
export type PermissionList = readonly [string, ...string[]] | 'not-supported';

/**
 * Which Microsoft 365 service answers the call: each answers a missing permission with its own
 * 403 (see `refusalFor`).
 */
export type GraphWorkload = 'outlook' | 'presence' | 'directory' | 'subscriptions' | 'teams';

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
  workload: GraphWorkload;
  docs: string;
  /** Anything else from the page that the demo tenant enforces (limits, refusals). */
  notes?: string;
}

const READ_CALENDAR = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'] as const;
const WRITE_CALENDAR = ['Calendars.ReadWrite'] as const;
const READ_MAILBOX_SETTINGS = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'] as const;
const MAILBOX_SETTINGS_DOCS = 'https://learn.microsoft.com/en-us/graph/api/user-get-mailboxsettings';
const PRESENCE_GET_DOCS = 'https://learn.microsoft.com/en-us/graph/api/presence-get';
const SUBSCRIPTION_NOTE = 'Presence subscriptions are delegated only: "Application: Not supported." https://learn.microsoft.com/en-us/graph/changenotifications-for-presence';

export const GRAPH_CALLS: readonly GraphCall[] = [
  {
    name: 'calendarView',
    method: 'GET', path: '/me/calendarView',
    delegated: READ_CALENDAR, application: READ_CALENDAR, usedWith: ['delegated'], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-list-calendarview',
  },
  {
    name: 'calendarView delta',
    method: 'GET', path: '/me/calendarView/delta',
    // The page lists Calendars.Read as least privileged, Calendars.ReadBasic and ReadWrite as higher.
    delegated: ['Calendars.Read', 'Calendars.ReadBasic', 'Calendars.ReadWrite'], application: ['Calendars.Read', 'Calendars.ReadBasic', 'Calendars.ReadWrite'],
    usedWith: ['delegated'], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-delta',
  },
  {
    name: 'create event',
    method: 'POST', path: '/me/events',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: ['delegated'], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-post-events',
    notes: 'A repeated transactionId is answered with the existing event or with 400 ErrorDuplicateTransactionId; Unplug then finds the event by its transactionId with calendarView over the block (the calendarView row).',
  },
  {
    name: 'delete event',
    method: 'DELETE', path: '/me/events/{id}',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: ['delegated'], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-delete',
    notes: 'Undo of an accepted block: deletes only the event Unplug booked (its id stored at accept). 204 No Content; 404 when the person already deleted it.',
  },
  {
    name: 'working hours',
    method: 'GET', path: '/me/mailboxSettings/workingHours',
    delegated: READ_MAILBOX_SETTINGS, application: READ_MAILBOX_SETTINGS, usedWith: ['delegated'], workload: 'outlook',
    docs: MAILBOX_SETTINGS_DOCS,
    notes: 'A documented sub-resource: only working hours are sent, never automatic-reply text.',
  },
  {
    name: 'mailbox time zone',
    method: 'GET', path: '/me/mailboxSettings/timeZone',
    delegated: READ_MAILBOX_SETTINGS, application: READ_MAILBOX_SETTINGS, usedWith: ['delegated'], workload: 'outlook',
    docs: MAILBOX_SETTINGS_DOCS,
    notes: 'A documented sub-resource; the answer is { value: "<zone name>" }.',
  },
  {
    name: 'checkMemberGroups',
    method: 'POST', path: '/me/checkMemberGroups',
    // "Group memberships for the signed-in user": User.Read is the least privileged; the higher ones
    // are pairs (User.ReadBasic.All and GroupMember.Read.All, …) and Directory.Read.All. Only single
    // permissions are listed here, so a token holding just one of a pair is refused (stricter than Graph).
    delegated: ['User.Read', 'Directory.Read.All'], application: 'not-supported', usedWith: ['delegated'], workload: 'directory',
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-checkmembergroups',
    notes: 'Is the signed-in person a member of the team a channel tab is in (its Microsoft 365 group id)? At most 20 group ids per request; answers the subset they are a member of. Microsoft 365 group membership is always direct.',
  },
  {
    name: 'my presence',
    method: 'GET', path: '/me/presence',
    delegated: ['Presence.Read', 'Presence.Read.All'], application: ['Presence.Read.All', 'Presence.ReadWrite.All'], usedWith: ['delegated'], workload: 'presence',
    docs: PRESENCE_GET_DOCS,
    notes: 'The application permissions are for GET /users/{id}/presence (the same operation): "You can\'t use application permissions to access APIs under the /me path." 1,500 requests per 30 s per app per tenant.',
  },
  {
    name: 'getPresencesByUserId',
    method: 'POST', path: '/communications/getPresencesByUserId',
    delegated: ['Presence.Read.All'], application: ['Presence.Read.All', 'Presence.ReadWrite.All'], usedWith: ['application'], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/cloudcommunications-getpresencesbyuserid',
    notes: 'At most 650 ids per request; 1,500 requests per 30 s per app per tenant.',
  },
  {
    name: 'setStatusMessage',
    method: 'POST', path: '/users/{id}/presence/setStatusMessage',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-setstatusmessage',
  },
  {
    // Unplug's own presence session during a block (sessionId = the app's id), never the person's
    // preferred presence: theirs always shows over it. See `setAppPresence` in presence.ts.
    name: 'setPresence',
    method: 'POST', path: '/users/{id}/presence/setPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-setpresence',
    notes: 'sessionId must be the app id; pairs Available/Available, Busy/InACall, Busy/InAConferenceCall, Away/Away, DoNotDisturb/Presenting; expirationDuration PT5M..PT4H (default 5 min). User-configured presence overrides app-configured.',
  },
  {
    name: 'clearPresence',
    method: 'POST', path: '/users/{id}/presence/clearPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: ['application'], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-clearpresence',
    notes: 'Clears only the app session named by sessionId (the app id); 404 NotFound when that session does not exist.',
  },
  {
    name: 'sendActivityNotification',
    method: 'POST', path: '/users/{id}/teamwork/sendActivityNotification',
    delegated: ['TeamsActivity.Send'], application: ['TeamsActivity.Send'], usedWith: ['application'], workload: 'teams',
    docs: 'https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification',
    notes: 'The least privileged application permission is TeamsActivity.Send.User, a resource-specific (RSC) permission each person grants by installing the app; Unplug asks the tenant-wide TeamsActivity.Send instead, consented once by an admin. activityType must be declared in the app manifest (or be systemDefault); topic source text needs a webUrl; the app must be installed for the recipient (https://learn.microsoft.com/en-us/graph/teams-send-activityfeednotifications). 204 No Content. 5 requests per second per app per tenant (https://learn.microsoft.com/en-us/graph/throttling-limits#microsoft-teams-service-limits).',
  },
];

/**
 * Graph calls the demo tenant answers although Unplug does not make them (tests, the demo's own
 * pages, and calls Unplug must never make, such as app-only presence subscriptions, which the demo
 * refuses as Graph does). Same shape and sources as {@link GRAPH_CALLS}; the package checks do
 * not ask the registration for their permissions.
 */
export const DEMO_ONLY_GRAPH_CALLS: readonly GraphCall[] = [
  {
    // Unplug never makes this call: it would replace the person's own choice (see setPresence). The
    // demo tenant answers it so tests can stand for the person picking a presence in Teams.
    name: 'setUserPreferredPresence',
    method: 'POST', path: '/users/{id}/presence/setUserPreferredPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: [], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence',
  },
  {
    // Unplug never makes this call either: it clears the person's own preferred presence.
    name: 'clearUserPreferredPresence',
    method: 'POST', path: '/users/{id}/presence/clearUserPreferredPresence',
    delegated: ['Presence.ReadWrite'], application: ['Presence.ReadWrite.All'], usedWith: [], workload: 'presence',
    docs: 'https://learn.microsoft.com/en-us/graph/api/presence-clearuserpreferredpresence',
  },
  {
    name: 'get user',
    method: 'GET', path: '/users/{id}',
    delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All'], application: ['User.Read.All'], usedWith: [], workload: 'directory',
    docs: 'https://learn.microsoft.com/en-us/graph/api/user-get',
  },
  {
    name: 'mailboxSettings',
    method: 'GET', path: '/users/{id}/mailboxSettings',
    delegated: READ_MAILBOX_SETTINGS, application: READ_MAILBOX_SETTINGS, usedWith: [], workload: 'outlook',
    docs: MAILBOX_SETTINGS_DOCS,
    notes: 'The whole settings, automatic-reply text included: Unplug reads the two sub-resources instead. The demo honours $select.',
  },
  {
    name: 'presence by id',
    method: 'GET', path: '/communications/presences/{id}',
    delegated: ['Presence.Read.All'], application: ['Presence.Read.All', 'Presence.ReadWrite.All'], usedWith: [], workload: 'presence',
    docs: PRESENCE_GET_DOCS,
  },
  {
    name: 'get event',
    method: 'GET', path: '/users/{id}/events/{id}',
    delegated: READ_CALENDAR, application: READ_CALENDAR, usedWith: [], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-get',
  },
  {
    name: 'update event',
    method: 'PATCH', path: '/users/{id}/events/{id}',
    delegated: WRITE_CALENDAR, application: WRITE_CALENDAR, usedWith: [], workload: 'outlook',
    docs: 'https://learn.microsoft.com/en-us/graph/api/event-update',
  },
  {
    name: 'create presence subscription',
    method: 'POST', path: '/subscriptions',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: [], workload: 'subscriptions',
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions',
    notes: `Resource /communications/presences?$filter=id in (...) (at most 650 ids); expiry at most 60 minutes. ${SUBSCRIPTION_NOTE}`,
  },
  {
    name: 'get presence subscription',
    method: 'GET', path: '/subscriptions/{id}',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: [], workload: 'subscriptions',
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-get', notes: SUBSCRIPTION_NOTE,
  },
  {
    name: 'renew presence subscription',
    method: 'PATCH', path: '/subscriptions/{id}',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: [], workload: 'subscriptions',
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-update', notes: SUBSCRIPTION_NOTE,
  },
  {
    name: 'delete presence subscription',
    method: 'DELETE', path: '/subscriptions/{id}',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: [], workload: 'subscriptions',
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-delete', notes: SUBSCRIPTION_NOTE,
  },
  {
    name: 'reauthorize presence subscription',
    method: 'POST', path: '/subscriptions/{id}/reauthorize',
    delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: [], workload: 'subscriptions',
    docs: 'https://learn.microsoft.com/en-us/graph/api/subscription-reauthorize', notes: SUBSCRIPTION_NOTE,
  },
];

const BY_NAME = new Map([...GRAPH_CALLS, ...DEMO_ONLY_GRAPH_CALLS].map((c) => [c.name, c]));

/** The row of a call by name; a name without a row is a programming error. */
export function graphCall(name: string): GraphCall {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`No row named "${name}" in graph-calls.ts`);
  return row;
}

/** The permissions that grant a row to a kind of token (empty when that kind is not supported). */
export function grantingPermissions(row: GraphCall, kind: 'delegated' | 'application'): readonly string[] {
  const list = kind === 'delegated' ? row.delegated : row.application;
  return list === 'not-supported' ? [] : list;
}

/**
 * The row of Unplug's own calls a request matches (`/v1.0` already cut off, query ignored, path
 * segments compared case-insensitively, `{x}` matching one segment), if any.
 */
export function findUnplugCall(method: string, path: string): GraphCall | undefined {
  const segments = path.split('?')[0]!.split('/').filter((s) => s !== '');
  return GRAPH_CALLS.find((row) => {
    if (row.method !== method.toUpperCase()) return false;
    const parts = row.path.split('/').filter((s) => s !== '');
    return parts.length === segments.length && parts.every((p, i) => (p.startsWith('{') ? segments[i] !== '' : p.toLowerCase() === decodeURIComponent(segments[i]!).toLowerCase()));
  });
}

/**
 * What Graph answers a token that lacks the permission, by workload, as seen in Microsoft's own
 * repositories' issues (the API reference pages do not show the body):
 * - Outlook (calendar, mailbox settings): `ErrorAccessDenied` "Access is denied. Check credentials
 *   and try again." (microsoftgraph/python-sample-send-mail#4,
 *   microsoftgraph/microsoftgraph-postman-collections#48).
 * - Presence (cloud communications): `Forbidden` with an empty message
 *   (osodevops/ms-teams-cli#80, "Graph sends Forbidden with an empty message string").
 * - Directory (users): `Authorization_RequestDenied` "Insufficient privileges to complete the
 *   operation."
 * - Teams (activity feed): `Forbidden` naming the permissions the API takes and those the token
 *   holds: "Missing role permissions on the request. API requires one of 'A, B'. Roles on the
 *   request 'C, D'." for an app-only token (microsoftgraph/microsoft-graph-docs#19105), "Missing
 *   scope permissions on the request. API requires one of '…'. Scopes on the request '…'" for a
 *   delegated one.
 * - Subscriptions: `ExtensionError` "Operation: Create; Exception: [Status Code: Forbidden; Reason:
 *   The request is not authorized for this user or application.]" — what a presence subscription
 *   without a supported permission gets (microsoftgraph/nodejs-webhooks-sample#175; shape as in
 *   OneDrive/onedrive-api-docs#1398).
 *
 * `token`: the kind of token refused and the permissions it holds (its `scp` or `roles`).
 */
export function refusalFor(row: GraphCall, token: { kind: 'delegated' | 'application'; held: Iterable<string> }): { status: 403; code: string; message: string } {
  switch (row.workload) {
    case 'outlook': return { status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' };
    case 'presence': return { status: 403, code: 'Forbidden', message: '' };
    case 'directory': return { status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' };
    case 'subscriptions': return { status: 403, code: 'ExtensionError', message: 'Operation: Create; Exception: [Status Code: Forbidden; Reason: The request is not authorized for this user or application.]' };
    case 'teams': {
      const required = grantingPermissions(row, token.kind).join(', ');
      const held = [...token.held].join(', ');
      return token.kind === 'application'
        ? { status: 403, code: 'Forbidden', message: `Missing role permissions on the request. API requires one of '${required}'. Roles on the request '${held}'.` }
        : { status: 403, code: 'Forbidden', message: `Missing scope permissions on the request. API requires one of '${required}'. Scopes on the request '${held}'` };
    }
  }
}
