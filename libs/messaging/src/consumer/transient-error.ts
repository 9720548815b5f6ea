/**
 * Which handler errors are worth waiting out. Transient: the database or Kafka is briefly
 * unreachable, restarting, full, or asked us to retry (serialization failure, deadlock); the very
 * same message will succeed later, so it must never be dead-lettered. Everything else (validation,
 * PayloadValidationError, constraint violations, bugs) is permanent: retried a few times, then
 * dead-lettered.
 */

/** Socket and DNS errors of a connection to PostgreSQL (or any other server the handler uses). */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** PostgreSQL SQLSTATEs outside class 08 (connection exception) that a retry can fix. */
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown (also pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Messages of node-postgres, pg-pool and TypeORM for a lost, closed or unavailable connection. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/, // pg: "Connection terminated unexpectedly", pg-pool: "... due to connection timeout"
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/, // pg-pool: no free connection in time
  /^Cannot use a pool after calling end on the pool/,
  /^Query read timeout/,
  /^timeout expired/, // pg: connect timeout
];

/** TypeORM: the DataSource is not (or no longer) connected. */
const TYPEORM_NOT_CONNECTED = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/** kafkajs errors about reaching the cluster (handlers publish nothing, so a retry duplicates nothing). */
const KAFKA_CONNECTION_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSNumberOfRetriesExceeded', // kafkajs gave up retrying a retriable error
  'KafkaJSLockTimeout',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  retriable?: unknown;
  cause?: unknown;
  driverError?: unknown; // TypeORM QueryFailedError
  originalError?: unknown; // kafkajs
  errors?: unknown; // AggregateError (a host name with several addresses)
}

function isTransientItself(err: ErrorLike): boolean {
  const { name, message, code } = err;
  if (typeof code === 'string') {
    if (NETWORK_ERROR_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true; // class 08: connection exception
  }
  if (typeof name === 'string') {
    if (TYPEORM_NOT_CONNECTED.has(name) || KAFKA_CONNECTION_ERRORS.has(name)) return true;
    if (name.startsWith('KafkaJS') && err.retriable === true) return true;
  }
  return typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when err, or an error it wraps (cause, driverError, originalError, AggregateError), is transient. */
export function isTransientError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const e = current as ErrorLike;
    if (isTransientItself(e)) return true;
    pending.push(e.cause, e.driverError, e.originalError);
    if (Array.isArray(e.errors)) pending.push(...(e.errors as unknown[]));
  }
  return false;
}

/**
 * A heartbeat failure that means this member must leave eachMessage now so that kafkajs can
 * rejoin the group (rebalance, expired session, new coordinator: what kafkajs's runner rejoins on). Other heartbeat failures (the
 * broker briefly unreachable) do not end the member's session by themselves.
 */
export function isGroupMembershipError(err: unknown): boolean {
  const type = (err as { type?: unknown } | null)?.type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID' ||
    type === 'NOT_COORDINATOR_FOR_GROUP'
  );
}
