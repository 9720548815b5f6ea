import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { KnowledgeFactsProjection } from './knowledge-facts.projection';

/** knowledge.* (articles and help sessions) → knowledge usage facts and help sessions. */
@EventConsumer()
export class KnowledgeFactsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly projection: KnowledgeFactsProjection,
  ) {}

  @EventPattern(Topics.knowledgeArticle)
  async onArticle(@Payload() envelope: EventEnvelope): Promise<void> {
    await this.inbox.handleOnce(this.inbox.consumerGroup, envelope, (m) => this.projection.apply(m, envelope));
  }

  @EventPattern(Topics.knowledgeHelpSession)
  async onHelpSession(@Payload() envelope: EventEnvelope): Promise<void> {
    await this.inbox.handleOnce(this.inbox.consumerGroup, envelope, (m) => this.projection.apply(m, envelope));
  }
}
