import { Client, GraphError, type Context, type Middleware, type MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { ConsentRequiredError, GraphRequestError, GraphResponseError } from './errors';
import { NodeHttpHandler } from './http-handler';
import { answerError } from './answer-errors';
import { sendJsonDirect } from './direct-json';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, RETRYABLE_STATUSES, RetryBudget, type RetryPolicy } from './retry';

/** Requests sent without the graph client's pipeline (see direct-json.ts): the tab's `$batch`. */
const DIRECT_POSTS = new Set(['/$batch']);

/**
 * Who a Graph call acts for: a person (delegated, on-behalf-of their SSO token) or the app itself
 * (application permissions, for background jobs). The token is fetched per request, so MSAL's
 * cache and renewal apply.
 */
export interface GraphContext {
  kind: 'person' | 'app';
  getAccessToken: () => Promise<string>;
  /** Graph refused this call with a permission 403 (app-only: a permission the admin did not grant). */
  onPermissionRefused?: (call: { method: string; path: string }) => void;
}
export type PersonContext = GraphContext & { kind: 'person' };
export type AppContext = GraphContext & { kind: 'app' };

export interface GraphClientOptions {
  /**
   * Graph's versioned root: `https://graph.microsoft.com/v1.0`, or `<base>/demo/graph/v1.0` in
   * demo mode (a function, as the server's own URL is only known after listen).
   */
  root: string | (() => string);
  retry?: Partial<RetryPolicy>;
  /** Per attempt. Default 30 s. */
  requestTimeoutMs?: number;
  /** The clock for HTTP-date `Retry-After` values. */
  now?: () => number;
}

/**
 * The few HTTP verbs the gateway needs, over `@microsoft/microsoft-graph-client`. One instance
 * serves one gateway operation (a tab load, a create...): its retry budget bounds the retries
 * and the waiting of that whole operation — batch, parts, pages together.
 */
export interface GraphHttp {
  /** The versioned root requests are relative to, without a trailing slash. */
  readonly root: string;
  get(path: string, headers?: Record<string, string>): Promise<unknown>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<unknown>;
  /** Subscriptions are renewed with PATCH and removed with DELETE. */
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<unknown>;
  delete(path: string, headers?: Record<string, string>): Promise<unknown>;
  readonly retry: RetryPolicy;
  /** Shared by every request and `$batch` part retry of this operation. */
  readonly budget: RetryBudget;
  readonly now: () => number;
  readonly kind: GraphContext['kind'];
}

/**
 * A Graph client for one call context: `Client.initWithMiddleware` with our own middleware chain
 * — bearer token from the context, then bounded retries, then our node:http handler (http-handler.ts).
 * (The library's AuthenticationHandler only sends tokens to https Graph hosts, and the demo
 * tenant is plain http on loopback.)
 */
export function createGraphHttp(context: GraphContext, options: GraphClientOptions): GraphHttp {
  const root = (typeof options.root === 'function' ? options.root() : options.root).replace(/\/+$/, '');
  const cut = root.lastIndexOf('/');
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const now = options.now ?? Date.now;
  const budget = new RetryBudget(retry);
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const client = Client.initWithMiddleware({
    baseUrl: root.slice(0, cut),
    defaultVersion: root.slice(cut + 1),
    middleware: [
      new BearerMiddleware(context, root),
      new RetryMiddleware(budget, retry.sleep, timeoutMs, now),
      new NodeHttpHandler(),
    ],
  });
  const send = async (method: string, path: string, run: (outcome: RequestOutcome) => Promise<unknown>): Promise<unknown> => {
    const outcome = new RequestOutcome();
    try {
      return await run(outcome);
    } catch (error) {
      const failure = toGatewayError(error, context.kind, outcome);
      if (failure instanceof ConsentRequiredError && outcome.tokenError === undefined) context.onPermissionRefused?.({ method, path });
      throw failure;
    }
  };
  return {
    root,
    retry,
    budget,
    now,
    kind: context.kind,
    get: (path, headers = {}) => send('GET', path, (outcome) => client.api(path).headers(headers).middlewareOptions([outcome]).get()),
    post: (path, body, headers = {}) => send('POST', path, (outcome) => DIRECT_POSTS.has(path) && isPlainBody(body)
      ? sendJsonDirect({ url: `${root}${path}`, method: 'POST', body, headers, kind: context.kind, getAccessToken: context.getAccessToken, budget, sleep: retry.sleep, timeoutMs, now }, outcome)
      : client.api(path).headers(headers).middlewareOptions([outcome]).post(body)),
    patch: (path, body, headers = {}) => send('PATCH', path, (outcome) => client.api(path).headers(headers).middlewareOptions([outcome]).patch(body)),
    delete: (path, headers = {}) => send('DELETE', path, (outcome) => client.api(path).headers(headers).middlewareOptions([outcome]).delete()),
  };
}

/** A JSON object or array body (what the graph client serialises with `JSON.stringify`). */
function isPlainBody(body: unknown): boolean {
  return Array.isArray(body) || (typeof body === 'object' && body !== null && Object.getPrototypeOf(body) === Object.prototype);
}

/**
 * A Graph-issued link (`@odata.nextLink`, `@odata.deltaLink`) as a path under our root. A link
 * elsewhere is refused: the person's token must never be sent to another host.
 */
export function relativeLink(http: Pick<GraphHttp, 'root'>, link: string, path: string): string {
  if (!link.startsWith(`${http.root}/`)) throw new GraphResponseError(`${path}: a link outside ${http.root} (${new URL(link).origin})`);
  return link.slice(http.root.length);
}

class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly context: GraphContext, private readonly root: string) {}

  async execute(ctx: Context): Promise<void> {
    const url = typeof ctx.request === 'string' ? ctx.request : ctx.request.url;
    if (!url.startsWith(`${this.root}/`)) throw new Error(`Refusing to send a Graph token outside ${this.root}`);
    let token: string;
    try {
      token = await this.context.getAccessToken();
    } catch (error) {
      const outcome = ctx.middlewareControl?.getMiddlewareOptions(RequestOutcome) as RequestOutcome | undefined;
      if (outcome) outcome.tokenError = error;
      throw error;
    }
    ctx.options = { ...ctx.options, headers: { ...(ctx.options?.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` } };
    await this.next?.execute(ctx);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * What the middleware reports back about one request: attempts made, the last `Retry-After` (the
 * graph client drops response headers from errors without a JSON body), and a token failure (the
 * graph client would otherwise wrap a ConsentRequiredError into a bare network error).
 */
class RequestOutcome implements MiddlewareOptions {
  attempts = 1;
  retryAfterMs: number | undefined;
  tokenError: unknown;
}

class RetryMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly budget: RetryBudget, private readonly sleep: RetryPolicy['sleep'], private readonly timeoutMs: number, private readonly now: () => number) {}

  async execute(ctx: Context): Promise<void> {
    const outcome = ctx.middlewareControl?.getMiddlewareOptions(RequestOutcome) as RequestOutcome | undefined;
    for (;;) {
      ctx.options = { ...ctx.options, signal: AbortSignal.timeout(this.timeoutMs) };
      await this.next?.execute(ctx);
      const response = ctx.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status)) return;
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.now());
      if (outcome) outcome.retryAfterMs = retryAfterMs;
      const delay = this.budget.take(retryAfterMs);
      if (delay === undefined) return; // the caller sees the last 429/503/504
      if (outcome) outcome.attempts += 1;
      await response.body?.cancel(); // free the connection before waiting
      await this.sleep(delay);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Graph client errors in the gateway's typed errors; messages carry Graph's words, never a token. */
function toGatewayError(error: unknown, kind: GraphContext['kind'], outcome: RequestOutcome): Error {
  if (outcome.tokenError !== undefined) return outcome.tokenError instanceof Error ? outcome.tokenError : new Error(String(outcome.tokenError));
  if (!(error instanceof GraphError)) return error instanceof Error ? error : new Error(String(error));
  if (error.statusCode === -1) return new GraphRequestError(0, 'network_error', 'Microsoft Graph could not be reached.');
  return answerError(error.statusCode, error.code ?? '', error.message, kind, outcome.attempts, outcome.retryAfterMs);
}
