import { answerError } from './answer-errors';
import { GraphRequestError } from './errors';
import { send, type Answer } from './http-handler';
import { parseRetryAfter, RETRYABLE_STATUSES, type RetryBudget, type RetryPolicy } from './retry';

/** What a direct request needs from its `GraphHttp`: the same context, retry budget and clock as the graph client's requests. */
export interface DirectRequest {
  url: string;
  method: 'POST';
  body: unknown;
  headers: Record<string, string>;
  kind: 'person' | 'app';
  getAccessToken: () => Promise<string>;
  budget: RetryBudget;
  sleep: RetryPolicy['sleep'];
  timeoutMs: number;
  now: () => number;
}

/** Reports the token failure apart (the caller passes it through as it is) and the attempts. */
export interface DirectOutcome {
  attempts: number;
  tokenError: unknown;
}

/**
 * A JSON request sent without the graph client's request pipeline (`GraphRequest`, its
 * middleware chain, a `Response` and its body parsing): the tab's one Graph call per open, the
 * `$batch`, costs its CPU on the server's one JavaScript thread (`npm run bench -- cold`). Answers
 * and failures are those of the graph client with Unplug's middleware (graph-client.ts): the
 * token fetched once, 429/503/504 retried within the operation's budget honouring `Retry-After`,
 * each attempt bounded by the timeout, and the same typed errors — a 2xx that is not JSON,
 * throttling left after the retries, consent (403 with a permission code), any other refusal
 * with Graph's code and message, an unreachable Graph.
 */
export async function sendJsonDirect(request: DirectRequest, outcome: DirectOutcome): Promise<unknown> {
  let token: string;
  try {
    token = await request.getAccessToken();
  } catch (error) {
    outcome.tokenError = error;
    throw error;
  }
  const headers = { ...request.headers, 'Content-Type': request.headers['Content-Type'] ?? 'application/json', Authorization: `Bearer ${token}` };
  const payload = JSON.stringify(request.body);
  let retryAfterMs: number | undefined;
  for (;;) {
    let answer: Answer;
    try {
      answer = await send(request.url, request.method, headers, payload, AbortSignal.timeout(request.timeoutMs));
    } catch {
      throw new GraphRequestError(0, 'network_error', 'Microsoft Graph could not be reached.');
    }
    if (RETRYABLE_STATUSES.has(answer.status)) {
      retryAfterMs = parseRetryAfter(headerOf(answer, 'retry-after'), request.now());
      const delay = request.budget.take(retryAfterMs);
      if (delay !== undefined) {
        outcome.attempts += 1;
        await request.sleep(delay);
        continue;
      }
    }
    return answerOf(answer, request.kind, outcome.attempts, retryAfterMs);
  }
}

function answerOf(answer: Answer, kind: DirectRequest['kind'], attempts: number, retryAfterMs: number | undefined): unknown {
  const { status } = answer;
  const ok = status >= 200 && status < 300;
  if (ok && status === 204) return undefined;
  const body = bodyOf(answer);
  if (ok && !(body instanceof Error)) return body;
  const { code, message } = errorOf(body);
  throw answerError(status, code, message, kind, attempts, retryAfterMs);
}

/** The body as the graph client reads it: JSON by its content type (an `Error` when it is not JSON), text, or nothing else. */
function bodyOf(answer: Answer): unknown {
  const type = headerOf(answer, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  const text = answer.body.toString('utf8');
  if (type === 'application/json') {
    try {
      return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
  return type === 'text/plain' ? text : undefined;
}

/** Graph's `error.code` and `error.message`, or those of a body that could not be read, as the graph client's `GraphError` has them. */
function errorOf(body: unknown): { code: string; message: string } {
  if (body instanceof Error) return { code: body.name, message: body.message };
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return { code: '', message: '' };
  const { code, message } = error as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : '', message: typeof message === 'string' ? message : '' };
}

function headerOf(answer: Answer, name: string): string | undefined {
  for (const [key, value] of answer.headers) if (key.toLowerCase() === name) return value;
  return undefined;
}
