import type { ErrorBodyJson, FieldProblemJson } from '@unplug/contract';

/** A problem with one field of a body the person filled in, worded to show beside that field (`error.fields`). */
export type FieldProblem = FieldProblemJson;

/** The server's error body: `{ error: { code, message, fields? } }` with a stable `code` (contract/src/errors.ts). */
export type ErrorBody = ErrorBodyJson;

/** Codes the client produces itself, when there is no server answer to read. */
export type ClientErrorCode = 'network_error' | 'token_unavailable' | 'unexpected_response';

/** A failed API call, with the server's stable code (e.g. `consent_required`) or a client one. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** From `Retry-After`, when the server asked us to wait (429, 503). */
    readonly retryAfterSeconds?: number,
    /** Field-level problems (`invalid_settings`, `invalid_request`), to show beside the fields. */
    readonly fields: readonly FieldProblem[] = [],
    /** `claims_challenge`: the claims Microsoft Entra asks the token to carry. */
    readonly claims?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return typeof error === 'object' && error !== null
    && 'code' in error && typeof error.code === 'string'
    && 'message' in error && typeof error.message === 'string';
}

/** The well-formed entries of an error body's `fields` (anything else is ignored). */
export function fieldProblemsOf(body: ErrorBody): FieldProblem[] {
  const fields: unknown = body.error.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldProblem =>
    typeof f === 'object' && f !== null && typeof (f as FieldProblem).field === 'string' && typeof (f as FieldProblem).message === 'string');
}

/** Seconds from a `Retry-After` header (either form); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
