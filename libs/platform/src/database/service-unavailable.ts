/** Seconds a client is told to wait (`Retry-After`) when a dependency is down: enough for a restart or failover. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a database that cannot serve now, whatever the request: connection exceptions (class
 * 08), too many connections (53300), out of memory or disk (53xxx), a statement cancelled by its
 * timeout (57014), the server shutting down or starting (57P01–57P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57014|57P0[1-3])$/;

/** Network errors of Node's sockets: the server is not there or went away. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Messages of node-postgres, pg-pool and ioredis for a connection lost, refused or too slow; they
 * carry no code. ioredis raises MaxRetriesPerRequestError after its reconnection attempts, and
 * "Command timed out" after its commandTimeout.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // pg: lost, or its connectionTimeoutMillis while opening
  /^Query read timeout$/, // pg: query_timeout
  /^timeout exceeded when trying to connect$/, // pg-pool: connectionTimeoutMillis while waiting for a client
  /is not queryable$/, // pg: a client closed or broken by an earlier error
  /^Connection is closed\.?$/, // ioredis
  /^Command timed out$/, // ioredis
  /enableOfflineQueue options is false/, // ioredis, offline queue disabled while disconnected
];

/**
 * True when the error says that PostgreSQL or Redis is unreachable, refusing, shutting down or too
 * slow, rather than that the request or the code is wrong: the caller gets 503 with Retry-After and
 * may try again. Follows TypeORM's wrapper (`driverError`), `cause` and AggregateError's `errors`.
 * Errors are recognised by their shape, not by `instanceof`: those of Node's sockets may come from
 * another realm (a VM context, as under Jest), where `instanceof Error` is false.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!isErrorLike(error) || depth > 5) return false;
  const { code, name, message, driverError, errors, cause } = error;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_ERROR_CODES.has(code))) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return inner.some((wrapped) => isServiceUnavailable(wrapped, depth + 1));
}

interface ErrorLike {
  message: string;
  name?: unknown;
  code?: unknown;
  driverError?: unknown;
  errors?: unknown;
  cause?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}
