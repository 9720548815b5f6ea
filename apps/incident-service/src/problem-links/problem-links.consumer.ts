import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  ProblemClosed,
  ProblemCreated,
  ProblemEventPayload,
  ProblemIncidentLinked,
  ProblemIncidentUnlinked,
  ProblemKnownErrorPublished,
  ProblemResolved,
  ProblemUpdated,
  Topics,
} from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { ProblemLinksService } from './problem-links.service';
import { ProblemRefsRepository } from './problem-refs.repository';

interface ProblemEventWork {
  event: EventEnvelope<ProblemEventPayload<unknown>>;
  /** What the event does to incidents, beyond the problem copy. */
  effect: (manager: EntityManager) => Promise<void>;
}

/**
 * problem.* → the local copy of the problem, incident links, workarounds and resolution: each event applied once
 * (inbox), the copy and the effects in one transaction.
 */
@EventConsumer()
export class ProblemLinksConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly links: ProblemLinksService,
    private readonly problems: ProblemRefsRepository,
  ) {}

  @EventPattern(Topics.problem)
  async onProblem(@Payload() envelope: EventEnvelope): Promise<void> {
    const work = this.workOf(envelope);
    if (!work) return;
    const { event, effect } = work;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, async (manager) => {
      await this.problems.upsert(manager, event.payload.problem, {
        sequence: event.sequence,
        occurredAt: new Date(event.occurredAt),
      });
      await effect(manager);
    });
  }

  /** Null for problem.candidate-raised (a cluster of incidents, no problem yet) and types this service does not know. */
  private workOf(envelope: EventEnvelope): ProblemEventWork | null {
    const linked = ProblemIncidentLinked.match(envelope);
    if (linked) return { event: linked, effect: (m) => this.links.link(m, linked, true) };
    const unlinked = ProblemIncidentUnlinked.match(envelope);
    if (unlinked) return { event: unlinked, effect: (m) => this.links.link(m, unlinked, false) };
    const knownError = ProblemKnownErrorPublished.match(envelope);
    if (knownError) return { event: knownError, effect: (m) => this.links.knownError(m, knownError) };
    const resolved = ProblemResolved.match(envelope);
    if (resolved) return { event: resolved, effect: (m) => this.links.problemResolved(m, resolved) };
    const copyOnly = ProblemCreated.match(envelope) ?? ProblemUpdated.match(envelope) ?? ProblemClosed.match(envelope);
    if (copyOnly) return { event: copyOnly, effect: async () => undefined };
    return null;
  }
}
