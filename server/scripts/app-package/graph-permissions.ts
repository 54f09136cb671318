/**
 * The Microsoft Graph permissions Unplug asks for, each with the reason it is needed. This is the
 * single list the Entra app manifest (`aad.manifest.json`), the comments in `teamsapp.yml` and the
 * admin guide are checked against: a permission without a reason here cannot be added.
 * Ids are Microsoft Graph's published permission ids (the same in every tenant).
 *
 * Every Graph call Unplug makes, and the permissions Microsoft documents for it, is in
 * `server/src/graph/graph-calls.ts`; the package checks require these to grant each of them.
 *
 * Considered and not requested: Calendars.Read (application) — no background job reads
 * calendars; the balance is computed while the person has the tab open, on their behalf.
 * MailboxSettings.Read (application) — the automatic status uses the working hours the tab stored
 * when the person last opened it (read with their delegated token), so no job reads a mailbox.
 * Presence.Read.All (delegated) — it would only serve presence change notifications, which Graph
 * offers to delegated tokens only; the background jobs poll instead.
 */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GraphPermission {
  name: string;
  /** `Scope`: delegated, acts as the signed-in person. `Role`: application, acts as the app itself. */
  type: 'Scope' | 'Role';
  id: string;
  reason: string;
}

export const GRAPH_PERMISSIONS: readonly GraphPermission[] = [
  {
    name: 'User.Read', type: 'Scope', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
    reason: 'Sign the person in and read their basic profile: the baseline of Teams single sign-on. Also the least privileged permission for POST /me/checkMemberGroups, which tells whether the person is a member of the team a channel tab is in (only members may opt in to or see its aggregate).',
  },
  {
    name: 'openid', type: 'Scope', id: '37f7f235-527c-4136-accd-4a02d197296e',
    reason: 'MSAL adds openid to every token request, including on-behalf-of; consenting it up front avoids a consent error.',
  },
  {
    name: 'profile', type: 'Scope', id: '14dad69e-099b-42c9-810b-d002981feec1',
    reason: 'MSAL adds profile to every token request, including on-behalf-of; consenting it up front avoids a consent error.',
  },
  {
    name: 'offline_access', type: 'Scope', id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
    reason: 'MSAL adds offline_access to every token request, so it can refresh the Graph token of an open tab without a new on-behalf-of exchange.',
  },
  {
    name: 'Calendars.ReadWrite', type: 'Scope', id: '1ec239c2-d7c9-4623-a91a-a9775856bb36',
    reason: 'Read the person\'s calendar (start, end, free/busy, all-day, response; never subjects or bodies) to compute the balance and free gaps, and create the disconnect blocks they accept. Write is needed only to book accepted blocks; Unplug never edits or deletes other events.',
  },
  {
    name: 'MailboxSettings.Read', type: 'Scope', id: '87f447af-9fa4-4c32-9dfa-4a57a73d18ce',
    reason: 'Read the person\'s working hours and time zone (only those two settings, never automatic-reply text), which decide what counts as after hours and where blocks may go; a copy of the working hours is kept for the automatic status, so no background job needs mailbox access.',
  },
  {
    name: 'Presence.Read', type: 'Scope', id: '76bc735e-aecd-4a1d-8b4c-2b915deabb79',
    reason: 'Read the person\'s own presence when they open the tab, for the connected/offline part of the balance.',
  },
  {
    name: 'Presence.ReadWrite.All', type: 'Role', id: '83cded22-8297-4ff6-a7fa-e97e9545a259',
    reason: 'Background jobs with no one signed in, only for people who opted in: set and clear the expiring status message and Unplug\'s own presence session at the start and end of quiet time and protected blocks (setStatusMessage, setPresence, clearPresence; never the person\'s own preferred presence, which always shows over it), and sample presence for the presence timeline (getPresencesByUserId, polled: Graph has no app-only presence subscriptions). getPresencesByUserId lists Presence.Read.All as least privileged and this one as higher privileged; the status writes need this one anyway, and adding Presence.Read.All would grant nothing it does not, so one permission is asked instead of two.',
  },
  {
    name: 'TeamsActivity.Send', type: 'Role', id: 'a267235f-af13-44dc-8385-c1dc93023186',
    reason: 'Background jobs with no one signed in, only for people who turned on a nudge in the tab: post Unplug\'s own notices (a block or quiet time starts in 5 minutes, a long connected day, the weekly summary) to that person\'s Teams activity feed (sendActivityNotification). It sends notifications only; it reads nothing. The per-person alternative TeamsActivity.Send.User (resource-specific consent) would need every person to grant it when installing the app.',
  },
];
