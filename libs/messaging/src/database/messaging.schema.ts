import { AggregateSequence } from './aggregate-sequence.entity';
import { InboxMessage } from './inbox-message.entity';
import { CreateMessagingTables1795392000000 } from './migrations/1795392000000-CreateMessagingTables';
import { InboxProcessedAtIndex1795420800000 } from './migrations/1795420800000-InboxProcessedAtIndex';
import { OutboxTraceContext1795435200000 } from './migrations/1795435200000-OutboxTraceContext';
import { OutboxMessage } from './outbox-message.entity';

/** Add to the service's DataSource `entities`. */
export const messagingEntities = [OutboxMessage, AggregateSequence, InboxMessage];

/** Add to the service's DataSource `migrations` (they run with the service's own). */
export const messagingMigrations = [
  CreateMessagingTables1795392000000,
  InboxProcessedAtIndex1795420800000,
  OutboxTraceContext1795435200000,
];
