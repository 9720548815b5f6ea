import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, IncidentEventPayload, IncidentEvents, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { IncidentStreamService } from './incident-stream.service';

/** incident.* → the local incident copy, links made on incidents, imported problem references and candidates. */
@EventConsumer()
export class IncidentStreamConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly stream: IncidentStreamService,
  ) {}

  @EventPattern(Topics.incident)
  async onIncident(@Payload() envelope: EventEnvelope): Promise<void> {
    const definition = IncidentEvents.find((d) => d.type === envelope.type);
    const event = definition?.match(envelope) as EventEnvelope<IncidentEventPayload> | null | undefined;
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (m) => this.stream.apply(m, event));
  }
}
