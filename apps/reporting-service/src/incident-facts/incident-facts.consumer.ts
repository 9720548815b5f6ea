import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, IncidentEventPayload, IncidentEvents, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { IncidentFactsProjection } from './incident-facts.projection';

/** incident.* → the incident fact rows (once per event: the inbox; in any order: the projection). */
@EventConsumer()
export class IncidentFactsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly projection: IncidentFactsProjection,
  ) {}

  @EventPattern(Topics.incident)
  async onIncident(@Payload() envelope: EventEnvelope): Promise<void> {
    const definition = IncidentEvents.find((d) => d.type === envelope.type);
    const event = definition?.match(envelope) as EventEnvelope<IncidentEventPayload> | null | undefined;
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (m) => this.projection.apply(m, event));
  }
}
