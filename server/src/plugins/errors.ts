import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import createError, { type FastifyErrorConstructor } from '@fastify/error';
import { ERRORS, validationFields, type ErrorBodyJson, type ErrorCode, type FieldProblemJson, type SchemaError } from '@unplug/contract';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreUnavailable } from '../store/store-errors';

/** What fills a catalogue message's `%s` placeholders, in order. */
export type MessageArgs = readonly (string | number)[];

export interface ErrorDetails {
  headers?: Record<string, string>;
  /** Field-level problems, for errors about a body the person filled in. */
  fields?: FieldProblemJson[];
  /** More members of the error body, e.g. `claims` of a claims challenge. */
  extra?: Record<string, string>;
}

/**
 * One `@fastify/error` constructor per code of the catalogue (contract/src/errors.ts): they own
 * the status and word the message. `@fastify/error` upper-cases its codes; the API's stay as the
 * catalogue writes them (AppError.code).
 */
const CATALOGUE = Object.fromEntries(
  Object.entries(ERRORS).map(([code, { status, message }]) => [code, createError(code, message, status)]),
) as Record<ErrorCode, FastifyErrorConstructor>;

/**
 * An error of the catalogue: status and message come from its code; the one error handler maps
 * it to `{ error: { code, message, fields? } }`.
 * @example throw new AppError('invalid_range', ['"from" must not be after "to".'])
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly fields: FieldProblemJson[] | undefined;
  readonly extra: Record<string, string>;

  constructor(readonly code: ErrorCode, args: MessageArgs = [], details: ErrorDetails = {}) {
    const made = new CATALOGUE[code](...args);
    super(made.message);
    this.name = 'AppError';
    this.statusCode = made.statusCode ?? 500;
    this.headers = details.headers ?? {};
    this.fields = details.fields;
    this.extra = details.extra ?? {};
  }
}

/** The JSON body of an error of the catalogue. */
export function errorBody(error: AppError): ErrorBodyJson {
  return body(error.code, error.message, error.fields, error.extra);
}

function body(code: ErrorCode, message: string, fields?: FieldProblemJson[], extra: Record<string, string> = {}): ErrorBodyJson {
  return { error: { ...extra, code, message, ...(fields ? { fields } : {}) } };
}

/** An error of the catalogue as a reply, for the places that answer without throwing. */
export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.statusCode).headers(error.headers).send(errorBody(error));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_body',
};

/**
 * A failed schema check: `fields` names every field that is wrong, in words (the tab shows them
 * beside the fields); the message keeps Ajv's summary for logs and curl.
 */
export function validationError(where: string, summary: string, errors: readonly SchemaError[]): AppError {
  return new AppError('invalid_request', [where, summary], { fields: validationFields(errors) });
}

/**
 * One handler for every error: a JSON body `{ error: { code, message } }`. Client errors say what
 * was wrong; server errors say nothing of their cause (it is logged instead).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error);
    const status = error.statusCode ?? 500;
    if (error.validation) {
      return sendError(reply, validationError(error.validationContext ?? 'request', error.message, error.validation as SchemaError[]));
    }
    if (status >= 400 && status < 500) {
      const known = FASTIFY_CODES[error.code];
      if (known) return sendError(reply, new AppError(known, [error.message]));
      // Any other 4xx of Fastify or a plugin keeps its status and words, under a code of ours.
      return reply.code(status).send(body(status === 429 ? 'rate_limited' : 'bad_request', error.message));
    }
    if (isStoreUnavailable(error)) {
      request.log.warn({ code: (error as { code?: string }).code, reason: error.message }, 'store unavailable');
      return sendError(reply, new AppError('store_unavailable', [], { headers: { 'Retry-After': '5' } }));
    }
    request.log.error({ err: error }, 'request failed');
    const internal = new AppError('internal_error');
    return reply.code(status >= 500 ? status : 500).send(errorBody(internal));
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, new AppError('not_found', [request.method, request.url.split('?')[0] ?? '']));
  });
}

/** Errors the router raises before any route runs (Fastify's `frameworkErrors` option). */
const ROUTER_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'url_too_long',
};

/**
 * A URL that does not decode, or a path parameter over the router's limit, answered in the same
 * shape as every other error. The URL is not echoed: its query could hold anything.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[error.code];
  if (!known) {
    request.log.error({ err: error }, 'request failed before routing');
    void sendError(reply, new AppError('internal_error'));
    return;
  }
  void sendError(reply, new AppError(known));
}

/**
 * Requests Node cannot parse as HTTP (bytes that are not a request line, oversize headers, a
 * timeout), answered in the same shape as every other error. Only the error's code is logged:
 * Node attaches the raw bytes of the request, and those carry its Authorization header.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new AppError('request_timeout')
    : error.code === 'HPE_HEADER_OVERFLOW' ? new AppError('headers_too_large')
      : new AppError('bad_request', ['The request is not valid HTTP.']);
  this.log.debug({ code: error.code }, 'unreadable request');
  const payload = JSON.stringify(errorBody(answer));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
  }
  socket.destroy();
}
