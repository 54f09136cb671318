import type { ActivityFeedStore } from '../activity-feed';
import type { CalendarStore } from '../calendar-store';
import type { DemoFaultSettings } from '../faults';
import type { ConsentState } from '../identity/consent';
import type { DemoOrg, DemoPerson } from '../org';
import type { PresenceStore } from '../presence-store';
import type { SubscriptionStore } from '../subscriptions';
import type { GraphAnswer } from './answer';
import type { GraphCall } from './call';

/** What the demo Graph's handlers work on. */
export interface GraphContext {
  org: DemoOrg;
  calendars: CalendarStore;
  presence: PresenceStore;
  /** Presence change-notification subscriptions (absent: `/subscriptions` answers 501). */
  subscriptions?: SubscriptionStore;
  /** The tenant's fault settings, for answers that vary as Microsoft 365's do (absent: the defaults). */
  faults?: { readonly current: Pick<DemoFaultSettings, 'duplicateTransactionId'> };
  /** Teams activity feeds (absent: sendActivityNotification answers 501). */
  activity?: ActivityFeedStore;
  /** Who consented: the demo treats the Teams app as installed for them. Absent: installed for everyone. */
  consent?: ConsentState;
  /** The Entra app id named in refusals. */
  appId?: string;
}

export interface RouteParams {
  /** The mailbox owner, for `/users/{id}/…` (and `/me/…`, rewritten to it). */
  person: DemoPerson;
  /** Other path parameters by name, e.g. `eventId`. */
  values: Record<string, string>;
}

export type GraphHandler = (call: GraphCall, ctx: GraphContext, params: RouteParams) => GraphAnswer | Promise<GraphAnswer>;

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Segments after `/v1.0/`; `:name` binds a parameter, `:user` the mailbox owner. */
  pattern: string;
  /**
   * The row of `graph/graph-calls.ts` this route answers: its delegated and application
   * permissions are the ones the demo asks of the token (one source for Unplug, the demo and the
   * package checks).
   */
  call: string;
  /**
   * The `:user` is someone the caller acts towards (the recipient of a notification), not a mailbox
   * or presence of their own: a delegated token may name another person. Otherwise a delegated
   * token touches only its own person.
   */
  towardsOthers?: true;
  handler: GraphHandler;
}
