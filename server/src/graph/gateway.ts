import type { GraphTokens } from '../auth/graph-tokens';
import type { Interval } from '../domain/types';
import { calendarDelta, type CalendarDelta } from './delta';
import { createBlockEvent, deleteBlockEvent, type BlockEventInput } from './events';
import { createGraphHttp, type AppContext, type GraphClientOptions, type PersonContext } from './graph-client';
import type { EventMappingOptions } from './map-event';
import type { UserPresence } from './map-presence';
import { recordPermissionRefusal, refusedPermissions } from './permission-refusals';
import { getPresencesByUserId, setStatusMessage, type StatusMessageInput } from './presence';
import { loadTabData, type TabData } from './tab-data';
import { isTeamMember } from './team-membership';

/** Microsoft Graph's v1.0 root. */
export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** The demo tenant's Graph root on this server (known once it listens). */
export function demoGraphRoot(baseUrl: () => string): () => string {
  return () => `${baseUrl()}/demo/graph/v1.0`;
}

/** Acting for a person: Graph tokens on behalf of their SSO token. */
export function personContext(tokens: Pick<GraphTokens, 'onBehalfOf'>, tenantId: string, ssoToken: string): PersonContext {
  return { kind: 'person', getAccessToken: () => tokens.onBehalfOf(tenantId, ssoToken) };
}

/** Acting as the app in a tenant (background jobs). A permission 403 is remembered for `requirePermission`. */
export function appContext(tokens: Pick<GraphTokens, 'appOnly'>, tenantId: string): AppContext {
  return { kind: 'app', getAccessToken: () => tokens.appOnly(tenantId), onPermissionRefused: ({ method, path }) => recordPermissionRefusal(tokens, tenantId, refusedPermissions(method, path), Date.now()) };
}

/**
 * The Graph gateway: the only code that speaks Graph. It sends what the domain needs and maps the
 * answers to domain types; failures come out as `ConsentRequiredError`, `GraphThrottledError`,
 * `GraphResponseError` or `GraphRequestError`. Services depend on the narrow slice they use, e.g.
 * `Pick<GraphGateway, 'loadTabData'>`.
 */
export interface GraphGateway {
  loadTabData(context: PersonContext, range: Interval, options?: EventMappingOptions): Promise<TabData>;
  createBlockEvent(context: PersonContext, input: BlockEventInput): Promise<{ eventId: string }>;
  /** `false` when the event was already gone (404). */
  deleteBlockEvent(context: PersonContext, eventId: string): Promise<{ deleted: boolean }>;
  calendarDelta(context: PersonContext, from: { window: Interval } | { deltaLink: string }, options?: EventMappingOptions): Promise<CalendarDelta>;
  getPresencesByUserId(context: AppContext, userIds: readonly string[]): Promise<UserPresence[]>;
  setStatusMessage(context: AppContext, userId: string, input: StatusMessageInput): Promise<void>;
  /** Whether the person is a member of the team with this Microsoft 365 group id (`POST /me/checkMemberGroups`). */
  isTeamMember(context: PersonContext, groupId: string): Promise<boolean>;
}

/**
 * @example
 * const graph = createGraphGateway({ root: config.entra ? GRAPH_ROOT : demoGraphRoot(() => selfBaseUrl(app)) });
 * const data = await graph.loadTabData(personContext(tokens, caller.tenantId, ssoToken), week);
 */
export function createGraphGateway(options: GraphClientOptions): GraphGateway {
  const http = (context: PersonContext | AppContext) => createGraphHttp(context, options);
  return {
    loadTabData: (context, range, mapping) => loadTabData(http(context), range, mapping),
    createBlockEvent: (context, input) => createBlockEvent(http(context), input),
    deleteBlockEvent: (context, eventId) => deleteBlockEvent(http(context), eventId),
    calendarDelta: (context, from, mapping) => calendarDelta(http(context), from, mapping),
    getPresencesByUserId: (context, userIds) => getPresencesByUserId(http(context), userIds),
    setStatusMessage: (context, userId, input) => setStatusMessage(http(context), userId, input),
    isTeamMember: (context, groupId) => isTeamMember(http(context), groupId),
  };
}
