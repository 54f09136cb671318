import { ApiError, fieldProblemsOf, isErrorBody, parseRetryAfter } from './api-error';

/**
 * What the server asked the token to show: `claims` from a claims challenge (MFA, Conditional
 * Access), passed on to Teams' `getAuthToken({ claims })`.
 */
export interface TokenRequest {
  claims?: string[];
}

/** Gives the bearer token for the next call: the Teams SSO token, or the demo identity's. */
export type TokenSource = (request?: TokenRequest) => Promise<string>;

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface ApiClientOptions {
  getToken: TokenSource;
  /** Where `/api` lives; the tab's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * A small typed client for the server's `/api`. Every call carries `Authorization: Bearer`;
 * tokens never go in URLs. Failures become an `ApiError` with the server's stable code.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const send = <T>(method: string, path: string, body: unknown, request: RequestOptions = {}) =>
    call<T>(options, method, path, body, request);
  return {
    get: <T>(path: string, request?: RequestOptions) => send<T>('GET', path, undefined, request),
    post: <T>(path: string, body?: unknown, request?: RequestOptions) => send<T>('POST', path, body, request),
    put: <T>(path: string, body: unknown, request?: RequestOptions) => send<T>('PUT', path, body, request),
    delete: <T>(path: string, request?: RequestOptions) => send<T>('DELETE', path, undefined, request),
  };
}

/**
 * One call; when the server answers `claims_challenge`, once more with a token that carries the
 * claims Entra asked for (Teams may prompt the person, e.g. for MFA). Never shown as consent.
 */
async function call<T>(options: ApiClientOptions, method: string, path: string, body: unknown, request: RequestOptions): Promise<T> {
  try {
    return await callOnce<T>(options, method, path, body, request, undefined);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'claims_challenge') throw error;
    return callOnce<T>(options, method, path, body, request, error.claims ? { claims: [error.claims] } : {});
  }
}

async function callOnce<T>(options: ApiClientOptions, method: string, path: string, body: unknown, request: RequestOptions, tokenRequest: TokenRequest | undefined): Promise<T> {
  const url = buildUrl(options.baseUrl, path, request.query);
  const token = await tokenFor(options.getToken, tokenRequest);
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: request.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Unplug server. Check your connection and try again.');
  }
  if (!response.ok) throw await toApiError(response, options.now?.() ?? new Date());
  return readBody<T>(response);
}

function buildUrl(baseUrl: string | undefined, path: string, query: RequestOptions['query']): string {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/ (got ${path})`);
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const qs = search.toString();
  return `${baseUrl ?? ''}${path}${qs ? `?${qs}` : ''}`;
}

async function tokenFor(getToken: TokenSource, request: TokenRequest | undefined): Promise<string> {
  try {
    const token = await (request ? getToken(request) : getToken());
    if (token) return token;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(0, 'token_unavailable', `Could not sign you in (${reason}). Reload the tab to try again.`);
  }
  throw new ApiError(0, 'token_unavailable', 'Could not sign you in. Reload the tab to try again.');
}

async function toApiError(response: Response, now: Date): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
  const parsed: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(parsed)) {
    const claims = typeof parsed.error.claims === 'string' ? parsed.error.claims : undefined;
    return new ApiError(response.status, parsed.error.code, parsed.error.message, retryAfter, fieldProblemsOf(parsed), claims);
  }
  return new ApiError(response.status, 'unexpected_response', `The server answered ${response.status} ${response.statusText}`.trim() + '.', retryAfter);
}

async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'unexpected_response', 'The server sent a response the tab could not read.');
  }
}
