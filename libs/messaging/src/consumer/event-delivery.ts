import { EnvelopeParseError, EventEnvelope, parseEnvelope, PayloadValidationError } from '@helpdesk/contracts';
import { KafkaJSError } from 'kafkajs';
import { describeError } from '../error-text';
import { ConsumerRetryOptions } from '../messaging.options';
import { backoffDelay } from '../retry-backoff';
import { isGroupMembershipError, isTransientError } from './transient-error';

export type DeadLetterReason = 'unparseable' | 'request-reply' | 'no-handler' | 'invalid-payload' | 'handler-failed';

export type FailureKind = 'transient' | 'permanent';

export type DeliveryOutcome =
  | { status: 'handled'; attempts: number; envelope: EventEnvelope }
  | { status: 'dead-lettered'; attempts: number; reason: DeadLetterReason; error: string };

export interface DeliveryHooks {
  retry: ConsumerRetryOptions;
  /** Runs the handler(s); rejects with whatever they threw. */
  invoke(envelope: EventEnvelope): Promise<void>;
  /** Publishes the original message to the dead-letter topic; a rejection propagates. */
  deadLetter(error: string, attempts: number, reason: DeadLetterReason): Promise<void>;
  /** Waits ms, or less once signal is aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Keeps the consumer's group membership alive (kafkajs sends one at most every heartbeat interval). */
  heartbeat(): Promise<void>;
  /** How often to heartbeat during an attempt or a back-off (the consumer's heartbeatInterval). Default 1 s. */
  heartbeatIntervalMs?: number;
  /** Aborted when the consumer stops: a message still being retried is then left uncommitted. */
  signal?: AbortSignal;
  onAttemptFailed?(error: unknown, attempt: number, willRetry: boolean, kind: FailureKind): void;
}

/** A handler-side error that no retry can fix (the payload will be just as wrong next time). */
export class NoHandlerError extends Error {
  constructor(topic: string) {
    super(`No @EventPattern handler for topic ${topic}`);
    this.name = 'NoHandlerError';
  }
}

/**
 * Leaves eachMessage without committing the message: the consumer is stopping (or being rebuilt)
 * while the message was still being retried, so it comes back to whoever consumes the partition
 * next. A KafkaJSError, so that kafkajs does not log it as a handler failure.
 */
export class DeliveryInterruptedError extends KafkaJSError {
  override readonly name = 'DeliveryInterruptedError';

  constructor(reason: string) {
    super(`Delivery interrupted (${reason}); the message stays uncommitted and will be redelivered`, { retriable: true });
  }
}

function permanentReason(err: unknown): DeadLetterReason | null {
  const name = (err as { name?: unknown } | null)?.name;
  if (err instanceof PayloadValidationError || name === 'PayloadValidationError') return 'invalid-payload';
  if (err instanceof NoHandlerError) return 'no-handler';
  return null;
}

/**
 * What happens to one Kafka message: parse the envelope (unparseable → dead letter at once), then
 * run the handler until it succeeds or fails for good.
 * - A transient failure (database or Kafka unreachable, restarting, full; serialization failure,
 *   deadlock: see isTransientError) is retried in place with capped exponential back-off, without
 *   giving up and without a dead letter: the partition waits, so later events of the aggregate
 *   are not applied before this one, and the offset is not committed meanwhile.
 * - A permanent failure is retried up to retry.attempts times, then dead-lettered (an invalid
 *   payload or a missing handler at once).
 * While it retries it heartbeats every heartbeat interval (during attempts too), so the group
 * keeps it however long an outage lasts. It leaves the message uncommitted by rejecting when
 * the group rebalances (with kafkajs's own error, which makes kafkajs rejoin) or when the
 * consumer stops (DeliveryInterruptedError); kafkajs then commits the offsets before it only.
 * It also rejects when the dead-letter publish fails. It resolves in every other case.
 */
export async function deliverMessage(
  value: Buffer | null,
  isRequestReply: boolean,
  hooks: DeliveryHooks,
): Promise<DeliveryOutcome> {
  if (isRequestReply) {
    const error = 'Request-response messages are not supported: this consumer handles events only';
    await hooks.deadLetter(error, 0, 'request-reply');
    return { status: 'dead-lettered', attempts: 0, reason: 'request-reply', error };
  }
  let envelope: EventEnvelope;
  try {
    envelope = parseEnvelope(value);
  } catch (err) {
    const error = err instanceof EnvelopeParseError ? `${err.name}: ${err.message}` : describeError(err);
    await hooks.deadLetter(error, 0, 'unparseable');
    return { status: 'dead-lettered', attempts: 0, reason: 'unparseable', error };
  }
  const maxAttempts = Math.max(1, hooks.retry.attempts);
  const policy = { baseMs: hooks.retry.baseDelayMs, maxMs: hooks.retry.maxDelayMs };
  let permanentFailures = 0;
  let transientFailures = 0;
  for (let attempt = 1; ; attempt++) {
    const failure = await attemptWithHeartbeats(envelope, hooks);
    if (!failure) return { status: 'handled', attempts: attempt, envelope };
    const { error: err, leaveGroup } = failure;
    const transient = isTransientError(err);
    if (transient) transientFailures += 1;
    else permanentFailures += 1;
    const permanent = transient ? null : permanentReason(err);
    const willRetry = transient || (permanent === null && permanentFailures < maxAttempts);
    hooks.onAttemptFailed?.(err, attempt, willRetry, transient ? 'transient' : 'permanent');
    // The group is rebalancing: leave the message uncommitted (kafkajs rejoins on its own error).
    if (leaveGroup !== undefined) throw leaveGroup;
    if (!willRetry) {
      const reason = permanent ?? 'handler-failed';
      const error = describeError(err);
      await hooks.deadLetter(error, attempt, reason);
      return { status: 'dead-lettered', attempts: attempt, reason, error };
    }
    const delayMs = backoffDelay(transient ? transientFailures : permanentFailures, policy);
    await waitBeforeRetry(delayMs, hooks);
  }
}

/**
 * One attempt, heartbeating every heartbeat interval while it runs (a database that does not
 * answer can hold an attempt for its whole connection timeout). Resolves to the failure, if any,
 * with the group-membership error a heartbeat met meanwhile.
 */
async function attemptWithHeartbeats(
  envelope: EventEnvelope,
  hooks: DeliveryHooks,
): Promise<{ error: unknown; leaveGroup?: unknown } | null> {
  let leaveGroup: unknown;
  const ticker = setInterval(() => {
    hooks.heartbeat().catch((err: unknown) => {
      if (isGroupMembershipError(err)) leaveGroup ??= err;
    });
  }, hooks.heartbeatIntervalMs ?? 1000);
  try {
    await hooks.invoke(envelope);
    return null;
  } catch (error) {
    return { error, leaveGroup };
  } finally {
    clearInterval(ticker);
  }
}

/** Sleeps in slices of the heartbeat interval, heartbeating after each; see deliverMessage. */
async function waitBeforeRetry(delayMs: number, hooks: DeliveryHooks): Promise<void> {
  const slice = Math.max(1, hooks.heartbeatIntervalMs ?? 1000);
  for (let remaining = delayMs; remaining > 0; remaining -= slice) {
    throwIfStopped(hooks.signal);
    await hooks.sleep(Math.min(remaining, slice), hooks.signal);
    throwIfStopped(hooks.signal);
    try {
      await hooks.heartbeat();
    } catch (err) {
      // kafkajs's own error: it rejoins the group; the message comes back uncommitted.
      if (isGroupMembershipError(err)) throw err;
      // Otherwise the broker is briefly unreachable: the session survives until the next heartbeat tells.
    }
  }
  throwIfStopped(hooks.signal);
}

function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DeliveryInterruptedError('the consumer is stopping');
}
