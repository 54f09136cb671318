/** The server's error body: `{ error: { code, message } }` with a stable `code`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

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

/** Seconds from a `Retry-After` header (either form); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
