import { randomUUID } from 'node:crypto';

/** An OAuth error answer in Entra's shape (`error`, `error_description` with the AADSTS code, …). */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
  /** A claims challenge (Conditional Access, MFA): what the client must ask for. */
  claims?: string;
}

export interface OAuthAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function oauthError(status: number, error: string, code: number, message: string, options: { now: number; correlationId?: string | undefined; suberror?: string; claims?: string }): OAuthAnswer {
  const traceId = randomUUID();
  const correlationId = options.correlationId ?? randomUUID();
  const timestamp = new Date(options.now).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const body: OAuthErrorBody = {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(options.suberror ? { suberror: options.suberror } : {}),
    ...(options.claims ? { claims: options.claims } : {}),
  };
  return { status, body: body as unknown as Record<string, unknown> };
}
