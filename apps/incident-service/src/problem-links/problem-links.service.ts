import { Injectable } from '@nestjs/common';
import {
  EventActor,
  EventEnvelope,
  IncidentProblemLinked,
  IncidentUpdated,
  ProblemEventPayload,
  ProblemRef,
  isUuid,
} from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { factsOf, withFacts } from '../incidents/incident-facts.mapper';
import { IncidentEntity } from '../incidents/entities/incident.entity';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { IncidentWriter } from '../incidents/incident-writer.service';
import { ProblemResolutionService } from './problem-resolution.service';

/**
 * The incident side of problem management, fed by problem.* events: the incident's problem link, the
 * known error's workaround on linked incidents, and resolution (direct, or proposed to agents).
 */
@Injectable()
export class ProblemLinksService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly writer: IncidentWriter,
    private readonly resolutions: ProblemResolutionService,
  ) {}

  async link(manager: EntityManager, event: EventEnvelope<ProblemEventPayload<{ incidentId: string }>>, linked: boolean) {
    const current = await this.incidents.findForUpdate(manager, { id: event.payload.detail.incidentId });
    if (!current) return; // an incident this service does not have (e.g. a bad id): nothing to show it on
    const problem = event.payload.problem;
    const problemId = linked ? problem.id : current.problemId === problem.id ? null : current.problemId;
    if (problemId === current.problemId) return;
    const next = withFacts(current, factsOf(current));
    next.problemId = problemId;
    next.workaround = linked ? (problem.workaround ?? current.workaround) : null;
    next.problemResolutionProposedAt = null;
    await this.writer.commit(manager, current, next, {
      action: linked ? 'problem-linked' : 'problem-unlinked',
      actor: actorOf(event),
      at: new Date(event.occurredAt),
      note: `${problem.number} ${problem.title}`,
      extraChanges: [{ field: 'problemId', from: current.problemId, to: problemId }],
      events: [{ event: IncidentProblemLinked, detail: { problemId, previousProblemId: current.problemId, origin: 'problem' } }],
    });
  }

  /** Shows the known error's workaround on every linked incident that is still open. */
  async knownError(manager: EntityManager, event: EventEnvelope<ProblemEventPayload>) {
    const problem = event.payload.problem;
    for (const current of await this.incidents.openByProblem(manager, problem.id)) {
      if (current.workaround === problem.workaround) continue;
      const next = withFacts(current, factsOf(current));
      next.workaround = problem.workaround;
      await this.writer.commit(manager, current, next, {
        action: 'workaround',
        actor: actorOf(event),
        at: new Date(event.occurredAt),
        note: `known error ${problem.number}`,
        extraChanges: [{ field: 'workaround', from: current.workaround, to: problem.workaround }],
        events: [{ event: IncidentUpdated, detail: {} }],
      });
    }
  }

  async problemResolved(
    manager: EntityManager,
    event: EventEnvelope<ProblemEventPayload<{ resolveLinkedIncidents: boolean; resolutionNotes: string }>>,
  ) {
    const { problem, detail } = event.payload;
    const at = new Date(event.occurredAt);
    const actor = actorOf(event);
    for (const current of await this.incidents.openByProblem(manager, problem.id)) {
      if (detail.resolveLinkedIncidents) {
        await this.resolutions.resolveByProblem(manager, current, {
          problem,
          notes: detail.resolutionNotes,
          actor,
          who: { id: isUuid(actor.id) ? actor.id : (current.assigneeId ?? current.openedById) },
          at,
          note: `problem ${problem.number}`,
        });
      } else await this.propose(manager, current, problem, event, at);
    }
  }

  private async propose(manager: EntityManager, current: IncidentEntity, problem: ProblemRef, event: EventEnvelope, at: Date) {
    if (current.problemResolutionProposedAt) return;
    const next = withFacts(current, factsOf(current));
    next.problemResolutionProposedAt = at;
    await this.writer.commit(manager, current, next, {
      action: 'problem-resolved',
      actor: actorOf(event),
      at,
      note: `problem ${problem.number} resolved: confirm this incident's resolution`,
      extraChanges: [{ field: 'problemResolutionProposedAt', from: null, to: at.toISOString() }],
      events: [{ event: IncidentUpdated, detail: {} }],
    });
  }
}

function actorOf(event: EventEnvelope): EventActor {
  return event.actor ?? { id: 'problem-service', role: 'system' };
}
