import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AuthError } from './auth-error';
import type { Caller, TokenValidator } from './token-validator';

/** What a route learns from a valid token: the caller, and the token itself for on-behalf-of. */
export interface RequestAuth {
  caller: Caller;
  /** The SSO token, kept only for the on-behalf-of exchange. Never log it or send it back. */
  token: string;
}

const DECORATOR = 'auth';

/**
 * The bearer token from the `Authorization` header, the only place one is accepted: a token in
 * the query string would end up in logs and browser history.
 */
export function readBearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header.trim() === '') {
    throw new AuthError('token_missing');
  }
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AuthError('token_malformed', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}

/** Declares the per-request `auth` slot. Call once on the instance whose routes use {@link authenticate}. */
export function registerRequestAuth(app: FastifyInstance): void {
  if (!app.hasRequestDecorator(DECORATOR)) app.decorateRequest(DECORATOR, null);
}

/**
 * A preHandler that validates the bearer token and records the caller, or answers 401/403 with
 * `{ error: { code, message } }` through the app's one error handler.
 *
 * @example
 * registerRequestAuth(app);
 * app.get('/api/me', { preHandler: authenticate(validator) }, (request) => requestAuth(request).caller);
 */
export function authenticate(validator: TokenValidator): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = readBearerToken(request);
    const caller = await validator.validate(token);
    request.setDecorator<RequestAuth>(DECORATOR, { caller, token });
  };
}

/** The caller of an authenticated request; throws if the route forgot {@link authenticate}. */
export function requestAuth(request: FastifyRequest): RequestAuth {
  const auth = request.getDecorator<RequestAuth | null>(DECORATOR);
  if (!auth) throw new Error('requestAuth() on a route without the authenticate preHandler');
  return auth;
}
