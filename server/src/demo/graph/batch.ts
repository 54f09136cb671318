import type { FaultInjector } from '../faults';
import type { StatsCounter } from '../stats';
import { graphError, type GraphAnswer } from './answer';
import type { GraphCall } from './call';
import type { GraphContext } from './context';
import { dispatchGraphCall, withJsonType } from './dispatch';
import { faultAnswer } from './faults';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface BatchPart {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface BatchDeps {
  ctx: GraphContext;
  faults: FaultInjector;
  stats: StatsCounter;
}

/** Reads and checks the envelope; a malformed batch is rejected whole (400), as Graph does. */
function parseBatch(body: unknown): BatchPart[] | string {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) return "Invalid batch payload format: the body needs a 'requests' array.";
  if (requests.length === 0) return 'Invalid batch payload format: the batch holds no requests.';
  if (requests.length > MAX_BATCH_REQUESTS) return `The batch holds ${requests.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed.`;
  const parts: BatchPart[] = [];
  const ids = new Set<string>();
  for (const raw of requests as Array<Record<string, unknown>>) {
    const { id, method, url, headers, body: partBody, dependsOn } = raw ?? {};
    if (typeof id !== 'string' || id === '') return "Invalid batch payload format: every request needs a string 'id'.";
    if (ids.has(id)) return `Invalid batch payload format: the id '${id}' is used twice.`;
    ids.add(id);
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) return `Invalid batch payload format: request '${id}' has no valid 'method'.`;
    if (typeof url !== 'string' || url === '') return `Invalid batch payload format: request '${id}' has no 'url'.`;
    if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))) {
      return `Invalid batch payload format: the headers of request '${id}' must be an object of strings.`;
    }
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string'))) {
      return `Invalid batch payload format: 'dependsOn' of request '${id}' must be a list of ids.`;
    }
    parts.push({
      id, method: method.toUpperCase(), url, body: partBody, dependsOn: (dependsOn as string[] | undefined) ?? [],
      headers: Object.fromEntries(Object.entries((headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    });
  }
  for (const part of parts) {
    const missing = part.dependsOn.find((d) => !ids.has(d));
    if (missing !== undefined) return `Invalid batch payload format: request '${part.id}' depends on '${missing}', which is not in the batch.`;
  }
  if (hasCycle(parts)) return 'Invalid batch payload format: the dependsOn chain has a cycle.';
  return parts;
}

function hasCycle(parts: BatchPart[]): boolean {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') return true;
    state.set(id, 'visiting');
    const cyclic = (byId.get(id)?.dependsOn ?? []).some(visit);
    state.set(id, 'done');
    return cyclic;
  };
  return parts.some((p) => visit(p.id));
}

/**
 * `POST /$batch`: at most 20 parts; parts without dependencies run together, a part runs once
 * everything it `dependsOn` has answered, and answers 424 if any of those failed. Each part may
 * get its own injected 429/503. Responses come in the order they finish, as Graph's may.
 */
export async function answerBatch(call: GraphCall, deps: BatchDeps): Promise<GraphAnswer> {
  const parsed = parseBatch(call.body);
  if (typeof parsed === 'string') return graphError(400, 'BadRequest', parsed, { clientRequestId: call.headers['client-request-id'] });

  const statuses = new Map<string, number>();
  const responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: unknown }> = [];
  let pending = parsed;
  while (pending.length > 0) {
    const ready = pending.filter((p) => p.dependsOn.every((d) => statuses.has(d)));
    pending = pending.filter((p) => !ready.includes(p));
    await Promise.all(ready.map(async (part) => {
      const answer = withJsonType(await answerPart(call, part, statuses, deps));
      statuses.set(part.id, answer.status);
      responses.push({ id: part.id, status: answer.status, headers: answer.headers, ...(answer.body !== undefined ? { body: answer.body } : {}) });
    }));
  }
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
}

async function answerPart(call: GraphCall, part: BatchPart, statuses: Map<string, number>, deps: BatchDeps): Promise<GraphAnswer> {
  deps.stats.count('graphSubRequests');
  const clientRequestId = call.headers['client-request-id'];
  const failed = part.dependsOn.find((d) => (statuses.get(d) ?? 0) >= 400);
  if (failed !== undefined) {
    return graphError(424, 'FailedDependency', `The request depends on request '${failed}', which failed.`, { clientRequestId });
  }
  const fault = deps.faults.next('batchPart');
  if (fault) {
    deps.stats.count(fault.status === 429 ? 'throttled' : 'unavailable');
    return faultAnswer(fault, clientRequestId);
  }
  const url = part.url.replace(/^\/+/, '');
  if (/^[a-z]+:\/\//i.test(url) || /^(v1\.0|beta)\//i.test(url)) {
    return graphError(400, 'BadRequest', `The url of request '${part.id}' must be relative to the version, e.g. /me/calendarView?…`, { clientRequestId });
  }
  if (part.body !== undefined && !part.headers['content-type']) {
    return graphError(400, 'BadRequest', `Request '${part.id}' has a body but no Content-Type header.`, { clientRequestId });
  }
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  if (rawPath.toLowerCase() === '$batch') return graphError(400, 'BadRequest', 'A batch cannot contain another batch.', { clientRequestId });
  return dispatchGraphCall({
    ...call,
    method: part.method,
    rawPath,
    segments: splitPath(rawPath),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: { ...part.headers, ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}) },
    body: part.body,
  }, deps.ctx);
}

/** Decoded path segments; an undecodable one stays as it is. */
export function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}
