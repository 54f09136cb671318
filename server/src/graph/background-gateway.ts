import type { PreferredPresence } from '../domain/types';
import { sendActivityNotification, type ActivityNotification } from './activity-feed';
import { createGraphHttp, type AppContext, type GraphClientOptions } from './graph-client';
import type { UserPresence } from './map-presence';
import { clearAppPresence, getPresencesByUserId, setAppPresence, setStatusMessage, type StatusMessageInput } from './presence';
import { getPresenceStatuses, type PresenceStatus } from './presence-status';

/**
 * What background jobs ask of Graph, always as the app (application permissions): presence of
 * many people, the status they show, and status writes. Never a mailbox (working hours come from
 * the tab), never presence subscriptions (Graph supports them with delegated permissions only); and activity-feed nudges.
 * Jobs depend on the slice they use, e.g. `Pick<BackgroundGraph, 'getPresencesByUserId'>`.
 */
export interface BackgroundGraph {
  getPresencesByUserId(context: AppContext, userIds: readonly string[]): Promise<UserPresence[]>;
  getPresenceStatuses(context: AppContext, userIds: readonly string[]): Promise<PresenceStatus[]>;
  setStatusMessage(context: AppContext, userId: string, input: StatusMessageInput): Promise<void>;
  clearStatusMessage(context: AppContext, userId: string): Promise<void>;
  /**
   * Sets Unplug's own presence session for the person for `minutes` (5 to 240): never their own
   * preferred presence, which always shows over it (see `setAppPresence`).
   */
  setAppPresence(context: AppContext, userId: string, presence: PreferredPresence, minutes: number): Promise<void>;
  /** Removes Unplug's presence session, and nothing the person set. */
  clearAppPresence(context: AppContext, userId: string): Promise<void>;
  sendActivityNotification(context: AppContext, userId: string, notification: ActivityNotification): Promise<void>;
}

export interface BackgroundGraphOptions extends GraphClientOptions {
  /** The app's (client) id: Graph requires it as the `sessionId` of the app's presence session. */
  appId: string;
}

export function createBackgroundGraph(options: BackgroundGraphOptions): BackgroundGraph {
  const http = (context: AppContext) => createGraphHttp(context, options);
  return {
    getPresencesByUserId: (context, ids) => getPresencesByUserId(http(context), ids),
    getPresenceStatuses: (context, ids) => getPresenceStatuses(http(context), ids),
    setStatusMessage: (context, userId, input) => setStatusMessage(http(context), userId, input),
    // An empty message is how Graph clears one.
    clearStatusMessage: async (context, userId) => {
      await http(context).post(`/users/${encodeURIComponent(userId)}/presence/setStatusMessage`, { statusMessage: { message: { content: '', contentType: 'text' } } });
    },
    setAppPresence: (context, userId, presence, minutes) => setAppPresence(http(context), userId, options.appId, presence, minutes),
    clearAppPresence: (context, userId) => clearAppPresence(http(context), userId, options.appId),
    sendActivityNotification: (context, userId, notification) => sendActivityNotification(http(context), userId, notification),
  };
}
