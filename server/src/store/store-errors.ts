/** Codes of a database that cannot be reached right now: network failures and PostgreSQL's classes 08 and 57P. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
]);

/** What `pg` and `pg-pool` say when a connection is lost or cannot be had. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
];

/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, the
 * network cut) rather than that a query was wrong: the caller should try again later.
 *
 * @example
 * isStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) // true
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable);
  return UNAVAILABLE_MESSAGES.some((m) => error.message.includes(m));
}
