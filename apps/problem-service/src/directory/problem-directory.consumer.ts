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
import { ProblemDirectoryRepository } from './problem-directory.repository';

/** identity.* → who may own problems (roles, active) and the names shown on them. */
@EventConsumer()
export class ProblemDirectoryConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly directory: ProblemDirectoryRepository,
  ) {}

  @EventPattern(Topics.identityUser)
  async onUser(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = UserCreated.match(envelope) ?? UserUpdated.match(envelope) ?? UserDeactivated.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (m) =>
      this.directory.upsertPerson(m, event.payload, new Date(event.occurredAt)),
    );
  }

  @EventPattern(Topics.identityGroup)
  async onGroup(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = GroupCreated.match(envelope) ?? GroupUpdated.match(envelope) ?? GroupMembersChanged.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (m) =>
      this.directory.upsertGroup(m, event.payload, new Date(event.occurredAt)),
    );
  }
}
