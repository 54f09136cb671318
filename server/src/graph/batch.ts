import { ConsentRequiredError, GraphRequestError, GraphThrottledError } from './errors';
import type { GraphHttp } from './graph-client';
import { asArray, asObject, describe, fail, type Json } from './json-reader';
import { isConsentDenial } from './answer-errors';
import { parseRetryAfter, RETRYABLE_STATUSES } from './retry';

/** One request inside a `$batch` (URL relative to the version root, e.g. `/me/presence`). */
export interface BatchPart {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchPartResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** How many times this part was sent. */
  attempts: number;
}

/** Graph's limit on requests in one `$batch`. */
export const MAX_BATCH_PARTS = 20;

/**
 * Sends parts in one `POST /$batch` (one round trip). Graph answers 200 even when parts fail, in
 * any order; parts that come back 429/503/504 are sent again — only those, in a smaller batch —
 * after the longest of their `Retry-After`s, within the operation's retry budget. What is still failing
 * after that is returned as it is, for the caller to judge part by part.
 */
export async function sendBatch(http: GraphHttp, parts: readonly BatchPart[]): Promise<Map<string, BatchPartResult>> {
  if (parts.length === 0 || parts.length > MAX_BATCH_PARTS) throw new RangeError(`A $batch holds 1 to ${MAX_BATCH_PARTS} requests, not ${parts.length}`);
  const results = new Map<string, BatchPartResult>();
  const attempts = new Map(parts.map((p) => [p.id, 0]));
  let pending = [...parts];
  for (;;) {
    for (const part of pending) attempts.set(part.id, (attempts.get(part.id) ?? 0) + 1);
    const answered = await postBatch(http, pending);
    for (const result of answered) results.set(result.id, { ...result, attempts: attempts.get(result.id) ?? 1 });
    const retryable = answered.filter((r) => RETRYABLE_STATUSES.has(r.status));
    if (retryable.length === 0) return results;
    const waits = retryable.map((r) => parseRetryAfter(header(r.headers, 'retry-after'), http.now()));
    const longest = waits.every((w) => w === undefined) ? undefined : Math.max(...waits.map((w) => w ?? 0));
    const delay = http.budget.take(longest);
    if (delay === undefined) return results;
    await http.retry.sleep(delay);
    const again = new Set(retryable.map((r) => r.id));
    pending = parts.filter((p) => again.has(p.id));
  }
}

async function postBatch(http: GraphHttp, parts: readonly BatchPart[]): Promise<Omit<BatchPartResult, 'attempts'>[]> {
  const requests = parts.map((p) => ({
    id: p.id,
    method: p.method,
    url: p.url,
    ...(p.body !== undefined ? { headers: { 'Content-Type': 'application/json', ...p.headers }, body: p.body } : p.headers ? { headers: p.headers } : {}),
  }));
  const raw = await http.post('/$batch', { requests });
  const body = asObject(raw, '$batch');
  const responses = asArray(body['responses'], '$batch.responses').map((item, i) => readPart(item, `$batch.responses[${i}]`));
  for (const part of parts) {
    if (!responses.some((r) => r.id === part.id)) fail('$batch.responses', `no answer for request "${part.id}"`);
  }
  return responses.filter((r) => parts.some((p) => p.id === r.id));
}

function readPart(raw: unknown, path: string): Omit<BatchPartResult, 'attempts'> {
  const part = asObject(raw, path);
  const id = part['id'];
  const status = part['status'];
  if (typeof id !== 'string') fail(`${path}.id`, `expected a string, got ${describe(id)}`);
  if (typeof status !== 'number' || !Number.isInteger(status)) fail(`${path}.status`, `expected an HTTP status, got ${describe(status)}`);
  const headers: Record<string, string> = {};
  if (part['headers'] !== undefined && part['headers'] !== null) {
    for (const [name, value] of Object.entries(asObject(part['headers'], `${path}.headers`))) {
      if (typeof value === 'string') headers[name] = value;
    }
  }
  return { id, status, headers, body: part['body'] };
}

export function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * A part's result as a value, or the gateway's typed error for its failure: throttling left after
 * the retries, consent (403), anything else Graph refused.
 */
export function partBody(result: BatchPartResult, kind: GraphHttp['kind'], nowMs: number): unknown {
  if (result.status >= 200 && result.status < 300) return result.body;
  if (RETRYABLE_STATUSES.has(result.status)) {
    throw new GraphThrottledError(result.status, result.attempts, parseRetryAfter(header(result.headers, 'retry-after'), nowMs));
  }
  const error = graphErrorOf(result.body);
  if (isConsentDenial(result.status, error.code, error.message)) {
    throw new ConsentRequiredError(kind === 'person' ? 'delegated' : 'application', error.code || 'Forbidden');
  }
  throw new GraphRequestError(result.status, error.code, error.message);
}

function graphErrorOf(body: unknown): { code: string; message: string } {
  const error = typeof body === 'object' && body !== null ? (body as Json)['error'] : undefined;
  if (typeof error !== 'object' || error === null) return { code: '', message: 'no error details' };
  const { code, message } = error as Json;
  return { code: typeof code === 'string' ? code : '', message: typeof message === 'string' ? message : 'no error details' };
}
