import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  GroupCreated,
  GroupMembersChanged,
  GroupUpdated,
  Topics,
  UserCreated,
  UserDeactivated,
  UserUpdated,
} from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { DirectoryCache } from './directory-cache';
import { DirectoryRepository } from './directory.repository';

/** Keeps the local copy of users and groups current from identity.* (names, departments, managers, queues). */
@EventConsumer()
export class DirectoryConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly directory: DirectoryRepository,
    private readonly cache: DirectoryCache,
  ) {}

  @EventPattern(Topics.identityUser)
  async onUser(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = UserCreated.match(envelope) ?? UserUpdated.match(envelope) ?? UserDeactivated.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (manager) =>
      this.directory.upsertUser(manager, event.payload, new Date(event.occurredAt)),
    );
    this.cache.forget(event.payload.id);
  }

  @EventPattern(Topics.identityGroup)
  async onGroup(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = GroupCreated.match(envelope) ?? GroupUpdated.match(envelope) ?? GroupMembersChanged.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (manager) =>
      this.directory.upsertGroup(manager, event.payload, new Date(event.occurredAt)),
    );
    this.cache.forget(event.payload.id);
  }
}
