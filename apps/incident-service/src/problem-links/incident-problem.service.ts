import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { IncidentProblemLinked, IncidentProblemLinkedDetail } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { IncidentDto } from '../incidents/dto/incident.dto';
import { IncidentEntity } from '../incidents/entities/incident.entity';
import { factsOf, withFacts } from '../incidents/incident-facts.mapper';
import { IncidentWriter } from '../incidents/incident-writer.service';
import { actorOf, IncidentsService } from '../incidents/incidents.service';
import { problemLinkChange } from './domain/problem-link-change';
import { parseProblemRef } from './domain/problem-ref-lookup';
import { ProblemRefEntity } from './entities/problem-ref.entity';
import { ProblemLinkException } from './problem-link.exception';
import { ProblemRefsRepository } from './problem-refs.repository';

/**
 * An agent links an incident to a problem from the incident (or unlinks it). The problem is looked up in the
 * local copy; the change goes through the writer (history, version, `incident.problem-linked` with origin
 * `incident`), from which the problem service learns of the link.
 */
@Injectable()
export class IncidentProblemService {
  constructor(
    private readonly lifecycle: IncidentsService,
    private readonly writer: IncidentWriter,
    private readonly problems: ProblemRefsRepository,
  ) {}

  link(principal: Principal, incidentRef: string, problemRef: string, version: number | undefined): Promise<IncidentDto> {
    const lookup = parseProblemRef(problemRef);
    if (!lookup) throw ProblemLinkException.unknownProblem(problemRef);
    return this.lifecycle.mutate(principal, incidentRef, version, async (manager, current) => {
      const problem = await this.problems.find(lookup, manager);
      if (!problem) throw ProblemLinkException.unknownProblem(problemRef);
      if (current.problemId === problem.id) return current; // linked already: nothing to write
      if (problem.state === 'closed') throw ProblemLinkException.problemClosed(problem.number);
      return this.commit(manager, principal, current, problem);
    });
  }

  unlink(principal: Principal, incidentRef: string, version: number | undefined): Promise<IncidentDto> {
    return this.lifecycle.mutate(principal, incidentRef, version, (manager, current) =>
      this.commit(manager, principal, current, null),
    );
  }

  private async commit(
    manager: EntityManager,
    principal: Principal,
    current: IncidentEntity,
    problem: ProblemRefEntity | null,
  ): Promise<IncidentEntity> {
    const at = new Date();
    const change = problemLinkChange(current, problem, at);
    if (!change) return current;
    const next = withFacts(current, factsOf(current));
    next.problemId = change.problemId;
    next.workaround = change.workaround;
    next.problemResolutionProposedAt = change.problemResolutionProposedAt;
    const named = problem ?? (current.problemId ? await this.problems.find({ id: current.problemId }, manager) : null);
    const detail: IncidentProblemLinkedDetail = {
      problemId: change.problemId,
      previousProblemId: current.problemId,
      origin: 'incident',
    };
    return this.writer.commit(manager, current, next, {
      action: problem ? 'problem-linked' : 'problem-unlinked',
      actor: actorOf(principal),
      at,
      note: named ? `${named.number} ${named.title}` : null,
      extraChanges: change.changes,
      events: [{ event: IncidentProblemLinked, detail: { ...detail } }],
    });
  }
}
