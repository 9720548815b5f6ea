import { EventActor, EventDefinition, EventEnvelope } from '@helpdesk/contracts';
import { RequestContext, traceHeadersOf } from '@helpdesk/observability';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../messaging.options';
import { MessagingException, MessagingErrorCode } from '../messaging.exception';
import { assembleEnvelope, assertValidEvent, envelopeHeaders } from './event-envelope.builder';
import { OutboxRepository } from './outbox.repository';
import { OutboxCommitSubscriber, OutboxSignal } from './outbox.signal';

export interface AppendEventArgs<TType extends string, TPayload> {
  event: EventDefinition<TType, TPayload>;
  aggregateId: string;
  payload: TPayload;
  /** Who did it; default { id: serviceName, role: 'system' }. */
  actor?: EventActor;
  /** Kafka message key; default the aggregate id (one aggregate's events stay in order). */
  key?: string;
}

/** Writes events into the outbox, inside the caller's transaction. */
@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    private readonly dataSource: DataSource,
    private readonly repository: OutboxRepository,
    private readonly signal: OutboxSignal,
  ) {}

  onModuleInit(): void {
    // After a commit that appended, nudge the relay (the poll still covers anything this misses).
    this.dataSource.subscribers.push(new OutboxCommitSubscriber(this.signal));
  }

  /**
   * Appends one event. Call it with the EntityManager of the transaction that makes the state
   * change, so both commit or roll back together. Throws PayloadValidationError on a bad payload.
   */
  async append<TType extends string, TPayload>(
    manager: EntityManager,
    args: AppendEventArgs<TType, TPayload>,
  ): Promise<EventEnvelope<TPayload, TType>> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new MessagingException(
        MessagingErrorCode.NotInTransaction,
        `OutboxService.append(${args.event.type}) needs the EntityManager of an open transaction`,
      );
    }
    // Validate (once) before taking a sequence number: a bad payload is a bug and must leave no trace.
    assertValidEvent(args.event, args.aggregateId, args.payload);
    const sequence = await this.repository.nextSequence(manager, args.event.aggregateType, args.aggregateId);
    const context = RequestContext.current();
    const envelope = assembleEnvelope({
      event: args.event,
      id: uuidv7(),
      aggregateId: args.aggregateId,
      sequence,
      payload: args.payload,
      source: this.options.serviceName,
      occurredAt: new Date(),
      correlationId: context?.correlationId ?? randomUUID(),
      causationId: context?.causationId ?? null,
      actor: args.actor,
    });
    await this.repository.insert(manager, {
      id: envelope.id,
      topic: args.event.topic,
      messageKey: args.key ?? args.aggregateId,
      envelope,
      headers: envelopeHeaders(envelope),
      // The writer's span: the relay publishes in a span of the same trace, and consumers go on from there.
      traceContext: traceHeadersOf(),
    });
    this.signal.markAppended(queryRunner);
    return envelope;
  }

  /** Asks the relay to publish now rather than at its next poll. */
  nudge(): void {
    this.signal.notify();
  }
}
