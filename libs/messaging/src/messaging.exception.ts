export enum MessagingErrorCode {
  /** OutboxService.append was given a manager without an open transaction. */
  NotInTransaction = 'NOT_IN_TRANSACTION',
  /** A KafkaEventServer handler pattern is not a plain topic name. */
  InvalidPattern = 'INVALID_PATTERN',
}

/** Misuse of the messaging library (a programming error, never a runtime condition). */
export class MessagingException extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingException';
  }
}
