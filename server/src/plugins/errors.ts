import type { FastifyError, FastifyInstance } from 'fastify';

/** An error with a stable code, mapped to an HTTP status by the one error handler. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Field-level problems, for errors about a body the person filled in. */
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
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
      return reply.code(error.statusCode).headers(error.headers).send(body(error.code, error.message, error.fields));
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
    request.log.error({ err: error }, 'request failed');
    return reply.code(status >= 500 ? status : 500).send(body('internal_error', 'Something went wrong on our side. Try again in a moment.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

export function body(code: string, message: string, fields?: { field: string; message: string }[]): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}
