import { grantingPermissions, graphCall, refusalFor } from '../../graph/graph-calls';
import { activityRoutes } from './activity';
import { calendarViewRoutes } from './calendar-view';
import { GraphError, graphError, type GraphAnswer } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';
import { eventRoutes } from './events';
import { groupRoutes } from './groups';
import { presenceRoutes } from './presence';
import { subscriptionRoutes } from './subscriptions';
import { userRoutes } from './users';

export const GRAPH_ROUTES: readonly GraphRoute[] = [...userRoutes, ...calendarViewRoutes, ...eventRoutes, ...presenceRoutes, ...subscriptionRoutes, ...groupRoutes, ...activityRoutes];

// Every route names its row; a route without one fails here, at start-up.
const COMPILED = GRAPH_ROUTES.map((route) => ({ route, row: graphCall(route.call), parts: route.pattern.split('/') }));

function match(parts: string[], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const values: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(':')) values[part.slice(1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return values;
}

/**
 * Answers one authenticated Graph call: routing (`/me/…` is the signed-in person's
 * `/users/{id}/…`), permissions (a delegated scope or an application role the route accepts), and
 * ownership (a delegated token touches only its own mailbox; a notification goes to someone else). Permissions come from the route's
 * row in `graph/graph-calls.ts`. Every failure is Graph-shaped.
 */
export async function dispatchGraphCall(call: GraphCall, ctx: GraphContext): Promise<GraphAnswer> {
  const clientRequestId = call.headers['client-request-id'];
  try {
    return withJsonType(await route(call, ctx));
  } catch (error) {
    if (error instanceof GraphError) return graphError(error.status, error.code, error.message, { headers: error.headers, clientRequestId });
    throw error;
  }
}

async function route(call: GraphCall, ctx: GraphContext): Promise<GraphAnswer> {
  const { principal } = call;
  let segments = call.segments;
  if (segments[0]?.toLowerCase() === 'me') {
    if (principal.kind !== 'delegated') {
      throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    segments = ['users', principal.person.id, ...segments.slice(1)];
  }
  const candidates = COMPILED.map((c) => ({ ...c, values: match(c.parts, segments) })).filter((c) => c.values);
  const found = candidates.find((c) => c.route.method === call.method);
  if (!found) {
    if (candidates.length > 0) throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`);
  }
  const { route: r, row, values } = found as typeof found & { values: Record<string, string> };

  // The permissions of the route's row in graph-calls.ts; a token without one gets the 403 that
  // the row's workload sends (an app-only token where application is "not supported" too).
  const kind = principal.kind === 'delegated' ? 'delegated' : 'application';
  const needed = grantingPermissions(row, kind);
  const held = principal.kind === 'delegated' ? principal.scopes : principal.roles;
  if (!needed.some((p) => held.has(p))) {
    const refusal = refusalFor(row, { kind, held });
    throw new GraphError(refusal.status, refusal.code, refusal.message);
  }

  const userKey = values.user;
  const person = userKey === undefined ? undefined : ctx.org.find(userKey);
  if (userKey !== undefined && !person) {
    throw segments.length === 2
      ? new GraphError(404, 'Request_ResourceNotFound', `Resource '${userKey}' does not exist or one of its queried reference-property objects are not present.`)
      : new GraphError(404, 'ErrorInvalidUser', `The requested user '${userKey}' is invalid.`);
  }
  if (person && principal.kind === 'delegated' && person.id !== principal.person.id && !r.towardsOthers) {
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  // Routes without a mailbox owner (getPresencesByUserId) get the caller, when there is one.
  const owner = person ?? (principal.kind === 'delegated' ? principal.person : ctx.org.people[0]!);
  return r.handler(call, ctx, { person: owner, values });
}

/** Adds Graph's JSON content type to an answer with a body. */
export function withJsonType(answer: GraphAnswer): GraphAnswer {
  if (answer.body === undefined) return answer;
  return { ...answer, headers: { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', ...answer.headers } };
}
