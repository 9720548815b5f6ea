import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, IncidentEventPayload, IncidentEvents, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { AssetIncidentsRepository } from './asset-incidents.repository';

/** incident.* (every kind: each carries the incident as it is after the change) → the local incident copy. */
@EventConsumer()
export class IncidentStreamConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly incidents: AssetIncidentsRepository,
  ) {}

  @EventPattern(Topics.incident)
  async onIncident(@Payload() envelope: EventEnvelope): Promise<void> {
    const definition = IncidentEvents.find((d) => d.type === envelope.type);
    const event = definition?.match(envelope) as EventEnvelope<IncidentEventPayload> | null | undefined;
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, async (m) => {
      await this.incidents.apply(m, event.payload.incident, new Date(event.occurredAt));
    });
  }
}
