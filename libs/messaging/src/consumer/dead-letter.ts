import { EventHeaders } from '@helpdesk/contracts';
import type { IHeaders } from 'kafkajs';

export interface DeadLetterInfo {
  error: string;
  topic: string;
  partition: number;
  offset: string;
  /** Handler attempts made (0 when the message never reached a handler). */
  attempts: number;
  consumerGroup: string;
}

const MAX_ERROR_LENGTH = 2000;

/** The original headers plus where the message came from and why it failed (a replay tool reads these). */
export function deadLetterHeaders(original: IHeaders | undefined, info: DeadLetterInfo): IHeaders {
  return {
    ...(original ?? {}),
    [EventHeaders.deadLetterError]: info.error.slice(0, MAX_ERROR_LENGTH),
    [EventHeaders.deadLetterTopic]: info.topic,
    [EventHeaders.deadLetterPartition]: String(info.partition),
    [EventHeaders.deadLetterOffset]: info.offset,
    [EventHeaders.deadLetterAttempts]: String(info.attempts),
    [EventHeaders.deadLetterConsumer]: info.consumerGroup,
  };
}

/**
 * A one-line description of whatever a handler threw. Nest's default RPC exception filter
 * replaces unknown errors with { status: 'error', message: 'Internal server error' }; that shape
 * is recognised and the reader is told how to keep the original (see EventConsumer).
 */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (typeof err === 'object' && err !== null) {
    const { status, message } = err as { status?: unknown; message?: unknown };
    if (status === 'error' && message === 'Internal server error') {
      return 'Internal server error (the original error was logged by RpcExceptionsHandler; decorate the consumer with @EventConsumer() to keep it)';
    }
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(err);
    } catch {
      return String(err);
    }
  }
  return String(err);
}
