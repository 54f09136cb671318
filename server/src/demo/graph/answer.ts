import { randomUUID } from 'node:crypto';

/** One Graph answer, whether it travels as an HTTP response or as a part of a `$batch` response. */
export interface GraphAnswer {
  status: number;
  headers: Record<string, string>;
  /** Absent for answers without a body (204, and 200 from presence actions). */
  body?: unknown;
}

/** Where `@odata.context` and similar metadata URLs point, as on the real service. */
export const GRAPH_METADATA = 'https://graph.microsoft.com/v1.0/$metadata';

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): GraphAnswer {
  return { status, headers, body };
}

export function noContent(status = 204): GraphAnswer {
  return { status, headers: {} };
}

/**
 * An error in Graph's shape: `{ error: { code, message, innerError: { date, request-id,
 * client-request-id } } }`.
 */
export function graphError(status: number, code: string, message: string, options: { headers?: Record<string, string>; clientRequestId?: string | undefined; innerError?: Record<string, string> } = {}): GraphAnswer {
  const requestId = randomUUID();
  return {
    status,
    headers: options.headers ?? {},
    body: {
      error: {
        code,
        message,
        innerError: {
          ...options.innerError,
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': options.clientRequestId ?? requestId,
        },
      },
    },
  };
}

/** A thrown Graph error: handlers throw it, the dispatcher answers it. */
export class GraphError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);
