import type { PreferredPresence, WorkingHours } from '../domain/types';
import { sendActivityNotification, type ActivityNotification } from './activity-feed';
import { getWorkingHours } from './app-mailbox';
import { createGraphHttp, type AppContext, type GraphClientOptions } from './graph-client';
import type { UserPresence } from './map-presence';
import { clearUserPreferredPresence, getPresencesByUserId, setStatusMessage, setUserPreferredPresence, type StatusMessageInput } from './presence';
import { getPresenceStatuses, type PresenceStatus } from './presence-status';
import { createPresenceSubscription, deleteSubscription, renewSubscription, type CreatedSubscription, type PresenceSubscriptionInput } from './subscriptions';

/**
 * What background jobs ask of Graph, always as the app (application permissions): presence of
 * many people, the status they show, working hours, status writes, presence subscriptions and activity-feed nudges.
 * Jobs depend on the slice they use, e.g. `Pick<BackgroundGraph, 'getPresencesByUserId'>`.
 */
export interface BackgroundGraph {
  getPresencesByUserId(context: AppContext, userIds: readonly string[]): Promise<UserPresence[]>;
  getPresenceStatuses(context: AppContext, userIds: readonly string[]): Promise<PresenceStatus[]>;
  getWorkingHours(context: AppContext, userId: string): Promise<WorkingHours>;
  setStatusMessage(context: AppContext, userId: string, input: StatusMessageInput): Promise<void>;
  clearStatusMessage(context: AppContext, userId: string): Promise<void>;
  setUserPreferredPresence(context: AppContext, userId: string, availability: PreferredPresence, expirationMinutes?: number): Promise<void>;
  clearUserPreferredPresence(context: AppContext, userId: string): Promise<void>;
  createPresenceSubscription(context: AppContext, input: PresenceSubscriptionInput): Promise<CreatedSubscription>;
  renewSubscription(context: AppContext, id: string, expiresAt: number): Promise<CreatedSubscription>;
  deleteSubscription(context: AppContext, id: string): Promise<void>;
  sendActivityNotification(context: AppContext, userId: string, notification: ActivityNotification): Promise<void>;
}

export function createBackgroundGraph(options: GraphClientOptions): BackgroundGraph {
  const http = (context: AppContext) => createGraphHttp(context, options);
  return {
    getPresencesByUserId: (context, ids) => getPresencesByUserId(http(context), ids),
    getPresenceStatuses: (context, ids) => getPresenceStatuses(http(context), ids),
    getWorkingHours: (context, userId) => getWorkingHours(http(context), userId),
    setStatusMessage: (context, userId, input) => setStatusMessage(http(context), userId, input),
    // An empty message is how Graph clears one.
    clearStatusMessage: async (context, userId) => {
      await http(context).post(`/users/${encodeURIComponent(userId)}/presence/setStatusMessage`, { statusMessage: { message: { content: '', contentType: 'text' } } });
    },
    setUserPreferredPresence: (context, userId, availability, minutes) => setUserPreferredPresence(http(context), userId, availability, minutes),
    clearUserPreferredPresence: (context, userId) => clearUserPreferredPresence(http(context), userId),
    createPresenceSubscription: (context, input) => createPresenceSubscription(http(context), input),
    renewSubscription: (context, id, expiresAt) => renewSubscription(http(context), id, expiresAt),
    deleteSubscription: (context, id) => deleteSubscription(http(context), id),
    sendActivityNotification: (context, userId, notification) => sendActivityNotification(http(context), userId, notification),
  };
}
