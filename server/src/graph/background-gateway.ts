import type { PreferredPresence } from '../domain/types';
import { createGraphHttp, type AppContext, type GraphClientOptions } from './graph-client';
import type { UserPresence } from './map-presence';
import { clearUserPreferredPresence, getPresencesByUserId, setStatusMessage, setUserPreferredPresence, type StatusMessageInput } from './presence';
import { getPresenceStatuses, type PresenceStatus } from './presence-status';

/**
 * What background jobs ask of Graph, always as the app (application permissions): presence of
 * many people, the status they show, and status writes. Never a mailbox (working hours come from
 * the tab) and never presence subscriptions (Graph supports them with delegated permissions only).
 * Jobs depend on the slice they use, e.g. `Pick<BackgroundGraph, 'getPresencesByUserId'>`.
 */
export interface BackgroundGraph {
  getPresencesByUserId(context: AppContext, userIds: readonly string[]): Promise<UserPresence[]>;
  getPresenceStatuses(context: AppContext, userIds: readonly string[]): Promise<PresenceStatus[]>;
  setStatusMessage(context: AppContext, userId: string, input: StatusMessageInput): Promise<void>;
  clearStatusMessage(context: AppContext, userId: string): Promise<void>;
  setUserPreferredPresence(context: AppContext, userId: string, availability: PreferredPresence, expirationMinutes?: number): Promise<void>;
  clearUserPreferredPresence(context: AppContext, userId: string): Promise<void>;
}

export function createBackgroundGraph(options: GraphClientOptions): BackgroundGraph {
  const http = (context: AppContext) => createGraphHttp(context, options);
  return {
    getPresencesByUserId: (context, ids) => getPresencesByUserId(http(context), ids),
    getPresenceStatuses: (context, ids) => getPresenceStatuses(http(context), ids),
    setStatusMessage: (context, userId, input) => setStatusMessage(http(context), userId, input),
    // An empty message is how Graph clears one.
    clearStatusMessage: async (context, userId) => {
      await http(context).post(`/users/${encodeURIComponent(userId)}/presence/setStatusMessage`, { statusMessage: { message: { content: '', contentType: 'text' } } });
    },
    setUserPreferredPresence: (context, userId, availability, minutes) => setUserPreferredPresence(http(context), userId, availability, minutes),
    clearUserPreferredPresence: (context, userId) => clearUserPreferredPresence(http(context), userId),
  };
}
