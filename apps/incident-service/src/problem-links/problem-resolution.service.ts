import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { EventActor } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentEntity } from '../incidents/entities/incident.entity';
import { canView } from '../incidents/incident-access.policy';
import { IncidentException } from '../incidents/incident.exception';
import { withFacts } from '../incidents/incident-facts.mapper';
import { parseIncidentRef } from '../incidents/incident-number';
import { IncidentWriter } from '../incidents/incident-writer.service';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { actorOf, eventsFor, IncidentsService } from '../incidents/incidents.service';
import { confirmationSkipReason, resolveByProblemCommands } from './domain/resolve-by-problem';
import { ProblemResolutionConfirmationDto, SkippedIncidentDto } from './dto/confirm-problem-resolutions.dto';
import { ProblemRefsRepository } from './problem-refs.repository';

export interface ResolveByProblemInput {
  problem: { number: string; title: string };
  /** Resolution notes; blank → "Resolved by problem PRB…: <title>" (without a title when the copy has none). */
  notes: string;
  /** Who the events and history name. */
  actor: EventActor;
  /** Who the state machine sees doing it (resolvedById; the taker when start finds nobody assigned). */
  who: { id: string };
  at: Date;
  /** The history entries' note. */
  note: string;
}

/**
 * Resolution of incidents by their problem: the one way an open incident is walked to resolved with code
 * resolved_by_problem, used by problem.resolved (when the problem manager chose to resolve linked incidents)
 * and by agents confirming proposed resolutions in bulk.
 */
@Injectable()
export class ProblemResolutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly lifecycle: IncidentsService,
    private readonly writer: IncidentWriter,
    private readonly problems: ProblemRefsRepository,
  ) {}

  /**
   * Assigns, starts or resumes first where needed, then resolves, each step committed through the writer (history,
   * SLA timers, events). Returns the resolved incident, or null when it cannot be resolved (not open, or new with
   * no group). The resolve also clears problemResolutionProposedAt: the proposal is settled, so a reopened
   * incident does not show as awaiting confirmation.
   */
  async resolveByProblem(
    manager: EntityManager,
    incident: IncidentEntity,
    input: ResolveByProblemInput,
  ): Promise<IncidentEntity | null> {
    const { number, title } = input.problem;
    const notes = input.notes.trim() || `Resolved by problem ${number}${title ? `: ${title}` : ''}`;
    const commands = resolveByProblemCommands(incident, notes);
    if (!commands) return null;
    let current = incident;
    for (const command of commands) {
      if (command.type !== 'resolve') {
        current = await this.lifecycle.applyAndCommit(
          manager,
          current,
          command,
          input.who,
          input.at,
          undefined,
          input.note,
          input.actor,
        );
        continue;
      }
      const result = this.lifecycle.transition(current, command, input.who, input.at);
      const next = withFacts(current, result.facts);
      next.problemResolutionProposedAt = null;
      const proposedAt = current.problemResolutionProposedAt;
      current = await this.writer.commit(manager, current, next, {
        action: command.type,
        actor: input.actor,
        at: input.at,
        note: input.note,
        events: eventsFor(command, current, result, { firstContact: next.firstContactClaimed }),
        extraChanges: proposedAt ? [{ field: 'problemResolutionProposedAt', from: proposedAt.toISOString(), to: null }] : [],
      });
    }
    return current;
  }

  /**
   * An agent confirms the proposed resolutions of these incidents (UUIDs or INC numbers): each one that is open
   * and proposed is resolved by its problem, in its own transaction; the others are listed with the reason.
   */
  async confirm(principal: Principal, refs: string[], notes: string | undefined): Promise<ProblemResolutionConfirmationDto> {
    const answer: ProblemResolutionConfirmationDto = { resolved: [], skipped: [] };
    // An incident named twice (by id and by number, say) is answered once.
    const seen = new Set<string>();
    for (const ref of refs) {
      const parsed = parseIncidentRef(ref);
      const outcome = parsed ? await this.confirmOne(principal, ref, parsed, notes ?? '', seen) : notFound(ref);
      if (outcome === null) continue;
      if ('reason' in outcome) answer.skipped.push(outcome);
      else answer.resolved.push(outcome);
    }
    return answer;
  }

  private async confirmOne(
    principal: Principal,
    ref: string,
    parsed: { id: string } | { number: string },
    notes: string,
    seen: Set<string>,
  ): Promise<{ id: string; number: string } | SkippedIncidentDto | null> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.incidents.findForUpdate(manager, parsed);
        if (!current || !canView(principal, current)) {
          if (seen.has(ref)) return null;
          seen.add(ref);
          return notFound(ref);
        }
        if (seen.has(current.id)) return null;
        seen.add(current.id);
        const skip = (reason: string): SkippedIncidentDto => ({ id: current.id, number: current.number, reason });
        const reason = confirmationSkipReason(current);
        if (reason) return skip(reason);
        const problem = current.problemId ? await this.problems.find({ id: current.problemId }, manager) : null;
        const label = problem?.number ?? current.problemId ?? 'unknown';
        const resolved = await this.resolveByProblem(manager, current, {
          problem: { number: label, title: problem?.title ?? '' },
          notes,
          actor: actorOf(principal),
          who: principal,
          at: new Date(),
          note: `problem ${label} resolved: resolution confirmed`,
        });
        return resolved ? { id: resolved.id, number: resolved.number } : skip('no assignment group to resolve it in');
      });
    } catch (error) {
      // A refusal of the incident's own rules (e.g. a transition) skips this one; anything else is a fault.
      if (error instanceof IncidentException) return { id: ref, number: null, reason: error.message };
      throw error;
    }
  }
}

function notFound(ref: string): SkippedIncidentDto {
  return { id: ref, number: null, reason: 'not found' };
}
