import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, ProblemKnownErrorPublished, Topics } from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { KnownErrorsService } from './known-errors.service';

/** problem.known-error-published → a draft article (each event applied once: inbox; each problem once: source key). */
@EventConsumer()
export class KnownErrorsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly knownErrors: KnownErrorsService,
  ) {}

  @EventPattern(Topics.problem)
  async onProblem(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = ProblemKnownErrorPublished.match(envelope);
    if (!event) return;
    await this.inbox.handleOnce(this.inbox.consumerGroup, event, (manager) =>
      this.knownErrors.draftFromKnownError(manager, event),
    );
  }
}
