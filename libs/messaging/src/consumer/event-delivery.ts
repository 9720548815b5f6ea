import { EnvelopeParseError, EventEnvelope, parseEnvelope, PayloadValidationError } from '@helpdesk/contracts';
import { ConsumerRetryOptions } from '../messaging.options';
import { backoffDelay } from '../retry-backoff';
import { describeError } from './dead-letter';

export type DeadLetterReason = 'unparseable' | 'request-reply' | 'no-handler' | 'invalid-payload' | 'handler-failed';

export type DeliveryOutcome =
  | { status: 'handled'; attempts: number; envelope: EventEnvelope }
  | { status: 'dead-lettered'; attempts: number; reason: DeadLetterReason; error: string };

export interface DeliveryHooks {
  retry: ConsumerRetryOptions;
  /** Runs the handler(s); rejects with whatever they threw. */
  invoke(envelope: EventEnvelope): Promise<void>;
  /** Publishes the original message to the dead-letter topic; a rejection propagates. */
  deadLetter(error: string, attempts: number, reason: DeadLetterReason): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** Keeps the consumer's group membership alive between attempts. */
  heartbeat(): Promise<void>;
  onAttemptFailed?(error: unknown, attempt: number, willRetry: boolean): void;
}

/** A handler-side error that no retry can fix (the payload will be just as wrong next time). */
export class NoHandlerError extends Error {
  constructor(topic: string) {
    super(`No @EventPattern handler for topic ${topic}`);
    this.name = 'NoHandlerError';
  }
}

function permanentReason(err: unknown): DeadLetterReason | null {
  const name = (err as { name?: unknown } | null)?.name;
  if (err instanceof PayloadValidationError || name === 'PayloadValidationError') return 'invalid-payload';
  if (err instanceof NoHandlerError) return 'no-handler';
  return null;
}

/**
 * What happens to one Kafka message: parse the envelope (unparseable → dead letter at once),
 * run the handler with retries and exponential back-off, and after the last failed attempt
 * dead-letter it. Resolves in every case except a failed dead-letter publish, which rejects so
 * that the offset is not committed and Kafka redelivers the message.
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
  for (let attempt = 1; ; attempt++) {
    try {
      await hooks.invoke(envelope);
      return { status: 'handled', attempts: attempt, envelope };
    } catch (err) {
      const permanent = permanentReason(err);
      const willRetry = permanent === null && attempt < maxAttempts;
      hooks.onAttemptFailed?.(err, attempt, willRetry);
      if (!willRetry) {
        const reason = permanent ?? 'handler-failed';
        const error = describeError(err);
        await hooks.deadLetter(error, attempt, reason);
        return { status: 'dead-lettered', attempts: attempt, reason, error };
      }
      await hooks.sleep(backoffDelay(attempt, { baseMs: hooks.retry.baseDelayMs, maxMs: hooks.retry.maxDelayMs }));
      // A failed heartbeat means a rebalance is under way; kafkajs handles it once we return.
      await hooks.heartbeat().catch(() => undefined);
    }
  }
}
