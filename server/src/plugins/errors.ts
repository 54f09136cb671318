import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreUnavailable } from '../store/store-errors';

/** An error with a stable code, mapped to an HTTP status by the one error handler. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Field-level problems, for errors about a body the person filled in. */
    readonly fields?: { field: string; message: string }[],
    /** More members of the error body, e.g. `claims` of a claims challenge. */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[]; claims?: string };
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_body',
  FST_ERR_VALIDATION: 'invalid_request',
};

/**
 * One handler for every error: a JSON body `{ error: { code, message } }`. Client errors say what
 * was wrong; server errors say nothing of their cause (it is logged instead).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).headers(error.headers).send(body(error.code, error.message, error.fields, error.extra));
    }
    const status = error.statusCode ?? 500;
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      return reply.code(400).send(body('invalid_request', `Invalid ${where}: ${error.message}`));
    }
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[error.code] ?? (status === 429 ? 'rate_limited' : 'bad_request');
      return reply.code(status).send(body(code, error.message));
    }
    if (isStoreUnavailable(error)) {
      request.log.warn({ code: (error as { code?: string }).code, reason: error.message }, 'store unavailable');
      return reply.code(503).header('Retry-After', '5').send(body('store_unavailable', 'The database does not answer right now. Try again in a moment.'));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(status >= 500 ? status : 500).send(body('internal_error', 'Something went wrong on our side. Try again in a moment.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

export function body(code: string, message: string, fields?: { field: string; message: string }[], extra: Record<string, string> = {}): ErrorBody {
  return { error: { ...extra, code, message, ...(fields ? { fields } : {}) } };
}

/** Errors the router raises before any route runs (Fastify's `frameworkErrors` option). */
const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_url', message: 'The URL does not decode: a percent-encoded part of it is not valid UTF-8.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'url_too_long', message: 'A part of the URL is longer than any valid value.' },
};

/**
 * A URL that does not decode, or a path parameter over the router's limit, answered in the same
 * shape as every other error. The URL is not echoed: its query could hold anything.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[error.code];
  if (!known) {
    request.log.error({ err: error }, 'request failed before routing');
    void reply.code(500).send(body('internal_error', 'Something went wrong on our side. Try again in a moment.'));
    return;
  }
  void reply.code(known.status).send(body(known.code, known.message));
}

/**
 * Requests Node cannot parse as HTTP (bytes that are not a request line, oversize headers, a
 * timeout), answered in the same shape as every other error. Only the error's code is logged:
 * Node attaches the raw bytes of the request, and those carry its Authorization header.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? [408, 'request_timeout', 'The request took too long to arrive.']
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are larger than this server accepts.']
      : [400, 'bad_request', 'The request is not valid HTTP.'];
  this.log.debug({ code: error.code }, 'unreadable request');
  const payload = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
  }
  socket.destroy();
}
