import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  ProblemIncidentLinked,
  ProblemIncidentUnlinked,
  ProblemKnownErrorPublished,
  ProblemResolved,
  Topics,
} from '@helpdesk/contracts';
import { EventConsumer, InboxService } from '@helpdesk/messaging';
import { ProblemLinksService } from './problem-links.service';

/** problem.* → incident links, workarounds and resolution (each event applied once: inbox). */
@EventConsumer()
export class ProblemLinksConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly links: ProblemLinksService,
  ) {}

  @EventPattern(Topics.problem)
  async onProblem(@Payload() envelope: EventEnvelope): Promise<void> {
    const linked = ProblemIncidentLinked.match(envelope);
    const unlinked = linked ? null : ProblemIncidentUnlinked.match(envelope);
    const knownError = linked || unlinked ? null : ProblemKnownErrorPublished.match(envelope);
    const resolved = linked || unlinked || knownError ? null : ProblemResolved.match(envelope);
    const group = this.inbox.consumerGroup;
    if (linked) await this.inbox.handleOnce(group, linked, (m) => this.links.link(m, linked, true));
    else if (unlinked) await this.inbox.handleOnce(group, unlinked, (m) => this.links.link(m, unlinked, false));
    else if (knownError) await this.inbox.handleOnce(group, knownError, (m) => this.links.knownError(m, knownError));
    else if (resolved) await this.inbox.handleOnce(group, resolved, (m) => this.links.problemResolved(m, resolved));
  }
}
