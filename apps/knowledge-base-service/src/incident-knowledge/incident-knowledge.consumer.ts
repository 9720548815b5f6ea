import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, IncidentEvents, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { IncidentKnowledgeService } from './incident-knowledge.service';

/** incident.* → the local copy of resolved incidents (each event applied once: inbox). */
@EventConsumer()
export class IncidentKnowledgeConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly knowledge: IncidentKnowledgeService,
  ) {}

  @EventPattern(Topics.incident)
  async onIncident(@Payload() envelope: EventEnvelope): Promise<void> {
    // Every incident.* event carries the whole incident; a bad payload throws (→ retries, then the .dlq).
    const event = IncidentEvents.find((e) => e.type === envelope.type)?.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (manager) =>
      this.knowledge.apply(manager, event.payload.incident),
    );
  }
}
