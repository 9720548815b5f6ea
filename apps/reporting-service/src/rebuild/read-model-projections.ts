import { EventEnvelope, IncidentEventPayload, IncidentEvents, Topics } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { IncidentFactsProjection } from '../incident-facts/incident-facts.projection';
import { KnowledgeFactsProjection } from '../knowledge-facts/knowledge-facts.projection';

type ApplyEvent = (manager: EntityManager, envelope: EventEnvelope) => Promise<void>;

/**
 * What the consumers do with each topic's events, minus the inbox: the same projections, picked the same
 * way (IncidentFactsConsumer, KnowledgeFactsConsumer). Every projection is idempotent and order-tolerant on
 * its own, which is what lets a rebuild apply the topics again without an inbox. Throws what the
 * consumers would dead-letter (PayloadValidationError, a row the table refuses).
 */
export class ReadModelProjections {
  private readonly byTopic: ReadonlyMap<string, ApplyEvent>;

  constructor(incidentFacts: IncidentFactsProjection, knowledgeFacts: KnowledgeFactsProjection) {
    const knowledge: ApplyEvent = (manager, envelope) => knowledgeFacts.apply(manager, envelope);
    this.byTopic = new Map<string, ApplyEvent>([
      [
        Topics.incident,
        async (manager, envelope) => {
          // Types the consumer does not know are not incident facts (the consumer returns too).
          const definition = IncidentEvents.find((d) => d.type === envelope.type);
          const event = definition?.match(envelope) as EventEnvelope<IncidentEventPayload> | null | undefined;
          if (event) await incidentFacts.apply(manager, event);
        },
      ],
      [Topics.knowledgeArticle, knowledge],
      [Topics.knowledgeHelpSession, knowledge],
    ]);
  }

  /** Fails fast when the service consumes a topic the rebuild would not replay. */
  assertCovers(topics: readonly string[]): void {
    const missing = topics.filter((topic) => !this.byTopic.has(topic));
    if (missing.length > 0) {
      throw new Error(`The rebuild has no projection for ${missing.join(', ')}: add it to ReadModelProjections`);
    }
  }

  async apply(manager: EntityManager, topic: string, envelope: EventEnvelope): Promise<void> {
    const apply = this.byTopic.get(topic);
    if (!apply) throw new Error(`No projection for topic ${topic}`);
    await apply(manager, envelope);
  }
}
