import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, Topics, UserCreated, UserDeactivated, UserUpdated } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { AssetPeopleRepository } from './asset-people.repository';

/** identity.user.* → the people CIs are assigned to (names, departments) and the leavers among them. */
@EventConsumer()
export class AssetDirectoryConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: AssetPeopleRepository,
  ) {}

  @EventPattern(Topics.identityUser)
  async onUser(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = UserCreated.match(envelope) ?? UserUpdated.match(envelope) ?? UserDeactivated.match(envelope);
    if (!event) return;
    // A deactivation is one whatever its snapshot says.
    const user = UserDeactivated.match(envelope) ? { ...event.payload, active: false } : event.payload;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, async (m) => {
      await this.people.apply(m, user, new Date(event.occurredAt));
    });
  }
}
