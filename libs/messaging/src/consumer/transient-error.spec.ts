import { PayloadValidationError } from '@helpdesk/contracts';
import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import { DatabaseError } from 'pg';
import { CannotExecuteNotConnectedError, QueryFailedError } from 'typeorm';
import { isGroupMembershipError, isTransientError } from './transient-error';

/** A pg DatabaseError as the server sends it (SQLSTATE in `code`). */
function pgError(code: string, message = 'server says no'): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'FATAL' });
}
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);
const netError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.5:5432`), { code, syscall: 'connect' });

describe('isTransientError', () => {
  it.each([
    ['57P01 admin_shutdown (pg_terminate_backend)', pgError('57P01')],
    ['57P02 crash_shutdown', pgError('57P02')],
    ['57P03 cannot_connect_now', pgError('57P03', 'the database system is starting up')],
    ['53300 too_many_connections', pgError('53300', 'sorry, too many clients already')],
    ['40001 serialization_failure', pgError('40001')],
    ['40P01 deadlock_detected', pgError('40P01')],
    ['class 08: 08006 connection_failure', pgError('08006')],
    ['class 08: 08P01 protocol_violation', pgError('08P01')],
    ['a QueryFailedError wrapping 57P01', queryFailed(pgError('57P01'))],
    ['a QueryFailedError wrapping 40001', queryFailed(pgError('40001'))],
    ['ECONNREFUSED', netError('ECONNREFUSED')],
    ['ECONNRESET', netError('ECONNRESET')],
    ['ETIMEDOUT', netError('ETIMEDOUT')],
    ['an AggregateError of ECONNREFUSED (localhost → ::1 and 127.0.0.1)', new AggregateError([netError('ECONNREFUSED')], '')],
    ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg-pool: Connection terminated due to connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: timeout exceeded when trying to connect', new Error('timeout exceeded when trying to connect')],
    [
      'pg: Client has encountered a connection error',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['a QueryFailedError wrapping a lost connection', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['TypeORM: DataSource not connected', new CannotExecuteNotConnectedError('default')],
    ['an error caused by ECONNRESET', new Error('effect failed', { cause: netError('ECONNRESET') })],
    ['KafkaJSConnectionError', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED')],
    ['KafkaJSRequestTimeoutError', new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out')],
    [
      'KafkaJSNumberOfRetriesExceeded',
      new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('down'), { retryCount: 5, retryTime: 2000 }),
    ],
    [
      'a retriable Kafka protocol error (LEADER_NOT_AVAILABLE)',
      new KafkaJSProtocolError(Object.assign(new Error('no leader'), { type: 'LEADER_NOT_AVAILABLE', code: 5, retriable: true })),
    ],
  ])('transient: %s', (_, err) => {
    expect(isTransientError(err)).toBe(true);
  });

  it.each([
    ['PayloadValidationError', new PayloadValidationError('thing.renamed', ['name missing'])],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a plain error', new Error('thing 2 cannot be handled')],
    ['23505 unique_violation', queryFailed(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['22001 string_data_right_truncation', pgError('22001', 'value too long for type character varying(200)')],
    ['42P01 undefined_table', pgError('42P01')],
    ["Nest's generic RPC error", { status: 'error', message: 'Internal server error' }],
    ['KafkaJSNonRetriableError', new KafkaJSNonRetriableError('Invalid topic')],
    [
      'a non-retriable Kafka protocol error',
      new KafkaJSProtocolError(Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false })),
    ],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
    ['undefined', undefined],
  ])('permanent: %s', (_, err) => {
    expect(isTransientError(err)).toBe(false);
  });

  it('survives cycles in the cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    expect(isTransientError(a)).toBe(false);
  });
});

describe('isGroupMembershipError', () => {
  it('is true for what kafkajs rejoins the group on, false for a broker that is briefly away', () => {
    const protocol = (type: string) => new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 0 }));
    expect(isGroupMembershipError(protocol('REBALANCE_IN_PROGRESS'))).toBe(true);
    expect(isGroupMembershipError(protocol('UNKNOWN_MEMBER_ID'))).toBe(true);
    expect(isGroupMembershipError(protocol('ILLEGAL_GENERATION'))).toBe(true);
    expect(isGroupMembershipError(protocol('NOT_COORDINATOR_FOR_GROUP'))).toBe(true);
    expect(isGroupMembershipError(new KafkaJSConnectionError('down'))).toBe(false);
    expect(isGroupMembershipError(new Error('REBALANCE_IN_PROGRESS'))).toBe(false);
  });
});
