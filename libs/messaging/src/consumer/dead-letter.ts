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
