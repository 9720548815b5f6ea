import { Injectable, Logger } from '@nestjs/common';
import { EventActor, ProblemIncidentLinked, ProblemIncidentUnlinked, ProblemUpdated } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { ProblemIncidentEntity } from '../incident-copies/entities/problem-incident.entity';
import { IncidentCopiesRepository } from '../incident-copies/incident-copies.repository';
import { isProblemEditable } from '../problems/domain/problem-lifecycle';
import { ProblemEntity } from '../problems/entities/problem.entity';
import { ProblemErrorCode, ProblemException } from '../problems/problem.exception';
import { ProblemEventSpec, ProblemWriter } from '../problems/problem-writer.service';
import { ProblemsRepository } from '../problems/problems.repository';

export interface LinkChange {
  incident: ProblemIncidentEntity;
  changed: boolean;
}

/**
 * Incident ↔ problem links, the problem side. A link made here emits problem.incident-linked and the
 * incident service takes it; a link made on the incident arrives as incident.problem-linked and is
 * taken as final (the incident service orders its own changes), without echoing it back, so the two
 * views converge even when an agent and a problem manager move one incident at the same moment.
 */
@Injectable()
export class ProblemLinksService {
  private readonly logger = new Logger(ProblemLinksService.name);

  constructor(
    private readonly copies: IncidentCopiesRepository,
    private readonly problems: ProblemsRepository,
    private readonly writer: ProblemWriter,
  ) {}

  /** Locks the incident copy, then every problem involved in id order (one order everywhere: no deadlocks). */
  async lockIncident(manager: EntityManager, incidentRef: string): Promise<ProblemIncidentEntity> {
    const copy = await this.copies.findForUpdate(manager, incidentRef);
    if (!copy) {
      throw ProblemException.badField(
        'incident',
        `${incidentRef} is not an incident problem management knows (give the UUID or INC number of an existing incident)`,
        ProblemErrorCode.UnknownIncident,
      );
    }
    return copy;
  }

  async lockProblems(manager: EntityManager, ids: Array<string | null>): Promise<Map<string, ProblemEntity>> {
    const locked = new Map<string, ProblemEntity>();
    for (const id of [...new Set(ids.filter((i): i is string => !!i))].sort()) {
      const problem = await this.problems.findForUpdate(manager, { id });
      if (problem) locked.set(id, problem);
    }
    return locked;
  }

  /** Links an incident to a problem from the problem side (moving it off another problem if it had one). */
  async link(manager: EntityManager, problemId: string, incidentRef: string, actor: EventActor, at: Date): Promise<LinkChange> {
    const incident = await this.lockIncident(manager, incidentRef);
    const locked = await this.lockProblems(manager, [problemId, incident.problemId]);
    const problem = locked.get(problemId);
    if (!problem) throw ProblemException.notFound(problemId);
    if (!isProblemEditable(problem.state)) throw ProblemException.closed(problem.number);
    if (incident.problemId === problem.id) return { incident, changed: false };
    const previous = incident.problemId ? locked.get(incident.problemId) : undefined;
    incident.problemId = problem.id;
    incident.linkedAt = at;
    await this.copies.setLink(manager, incident);
    if (previous) {
      await this.record(manager, previous, incident, 'incident-unlinked', actor, at, `moved to ${problem.number}`, [
        { event: ProblemIncidentUnlinked, detail: { incidentId: incident.id } },
      ]);
    }
    await this.record(manager, problem, incident, 'incident-linked', actor, at, null, [
      { event: ProblemIncidentLinked, detail: { incidentId: incident.id } },
    ]);
    return { incident, changed: true };
  }

  async unlink(manager: EntityManager, problemId: string, incidentRef: string, actor: EventActor, at: Date): Promise<void> {
    const incident = await this.lockIncident(manager, incidentRef);
    const problem = (await this.lockProblems(manager, [problemId])).get(problemId);
    if (!problem) throw ProblemException.notFound(problemId);
    if (!isProblemEditable(problem.state)) throw ProblemException.closed(problem.number);
    if (incident.problemId !== problem.id) {
      throw new ProblemException(404, ProblemErrorCode.UnknownIncident, `${incident.number} is not linked to ${problem.number}`);
    }
    incident.problemId = null;
    incident.linkedAt = null;
    await this.copies.setLink(manager, incident);
    await this.record(manager, problem, incident, 'incident-unlinked', actor, at, null, [
      { event: ProblemIncidentUnlinked, detail: { incidentId: incident.id } },
    ]);
  }

  /**
   * incident.problem-linked (origin incident or problem): the incident's link as of its version. Older
   * versions than the last one applied are stale and change nothing.
   */
  async applyIncidentLink(
    manager: EntityManager,
    incident: ProblemIncidentEntity,
    problemId: string | null,
    incidentVersion: number,
    actor: EventActor,
    at: Date,
  ): Promise<void> {
    if (incidentVersion <= incident.linkVersion) return;
    incident.linkVersion = incidentVersion;
    const previousId = incident.problemId;
    const locked = await this.lockProblems(manager, [problemId, previousId]);
    const target = problemId ? (locked.get(problemId) ?? null) : null;
    if (problemId && !target) this.logger.warn(`${incident.number} names problem ${problemId}, which this service does not have`);
    if ((target?.id ?? null) === previousId) {
      await this.copies.setLink(manager, incident);
      return;
    }
    incident.problemId = target?.id ?? null;
    incident.linkedAt = target ? at : null;
    await this.copies.setLink(manager, incident);
    const changed: ProblemEventSpec[] = [{ event: ProblemUpdated, detail: { fields: ['linkedIncidents'] } }];
    const previous = previousId ? locked.get(previousId) : undefined;
    if (previous)
      await this.record(manager, previous, incident, 'incident-unlinked', actor, at, `on ${incident.number}`, changed);
    if (target) await this.record(manager, target, incident, 'incident-linked', actor, at, `on ${incident.number}`, changed);
  }

  /** A link change on one problem: fresh counts, a history entry naming the incident, and its events. */
  private async record(
    manager: EntityManager,
    problem: ProblemEntity,
    incident: ProblemIncidentEntity,
    action: 'incident-linked' | 'incident-unlinked',
    actor: EventActor,
    at: Date,
    note: string | null,
    events: ProblemEventSpec[],
  ): Promise<ProblemEntity> {
    const counts = await this.copies.countsOf(manager, problem.id);
    const after = Object.assign(new ProblemEntity(), problem, {
      linkedIncidentCount: counts.linked,
      openIncidentCount: counts.open,
    });
    const linked = action === 'incident-linked';
    const saved = await this.writer.commit(manager, problem, after, {
      action,
      actor,
      at,
      note,
      bumpVersion: false,
      extraChanges: [{ field: 'incidents', from: linked ? null : incident.number, to: linked ? incident.number : null }],
      events,
    });
    Object.assign(problem, saved);
    return saved;
  }
}
