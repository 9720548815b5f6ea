import { Injectable } from '@nestjs/common';
import { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Tells the relay that committed outbox rows are waiting, so it publishes at once instead of at
 * its next poll. Best effort only: the poll is what guarantees delivery.
 */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();
  // Transactions that appended; weak, so a dropped QueryRunner is simply forgotten.
  private readonly appended = new WeakSet<QueryRunner>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  markAppended(queryRunner: QueryRunner): void {
    this.appended.add(queryRunner);
  }

  /** Called after COMMIT (or RELEASE SAVEPOINT): only the outermost commit makes rows visible. */
  committed(queryRunner: QueryRunner): void {
    if (queryRunner.isTransactionActive || !this.appended.has(queryRunner)) return;
    this.appended.delete(queryRunner);
    this.notify();
  }

  rolledBack(queryRunner: QueryRunner): void {
    if (!queryRunner.isTransactionActive) this.appended.delete(queryRunner);
  }
}

/** TypeORM subscriber that forwards transaction ends to the OutboxSignal. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly signal: OutboxSignal) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.signal.committed(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.signal.rolledBack(event.queryRunner);
  }
}
