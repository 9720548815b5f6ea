import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { ProblemCandidateRaised } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { OutboxService } from '@helpdesk/messaging';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemConfig } from '../config/problem.config';
import { ProblemIncidentEntity } from '../incident-copies/entities/problem-incident.entity';
import { IncidentCopiesRepository } from '../incident-copies/incident-copies.repository';
import { toLinkedIncidentDto } from '../links/problem-link.commands';
import { ProblemLinksService } from '../links/problem-links.service';
import { eventActorOf } from '../problems/problem-actor';
import { ProblemOwnerResolver } from '../problems/problem-owner.resolver';
import { toProblemDto } from '../problems/problem-view.mapper';
import { ProblemException } from '../problems/problem.exception';
import { ProblemsService } from '../problems/problems.service';
import { ProblemDto } from '../problems/dto/problem.dto';
import { CandidatesRepository, CandidateWithMembers } from './candidates.repository';
import { CandidateIncident, CandidateRules, candidateKeysOf, candidateKeyString, detectCandidates } from './domain';
import { AcceptCandidateDto, CandidateDto, DismissCandidateDto, ListCandidatesQueryDto } from './dto/candidate.dto';

/** Candidate problems: found from the incident stream, accepted into problems or dismissed by problem managers. */
@Injectable()
export class CandidatesService {
  private readonly rules: CandidateRules;

  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidatesRepository,
    private readonly copies: IncidentCopiesRepository,
    private readonly problems: ProblemsService,
    private readonly links: ProblemLinksService,
    private readonly owners: ProblemOwnerResolver,
    private readonly outbox: OutboxService,
    c: ProblemConfig,
  ) {
    this.rules = {
      minIncidents: c.CANDIDATE_MIN_INCIDENTS,
      windowMs: c.candidateWindowMs,
      minSimilarity: c.CANDIDATE_MIN_SIMILARITY,
    };
  }

  /** Looks at an incident that is new or re-described: raises or extends candidates, in the caller's transaction. */
  async consider(manager: EntityManager, incident: ProblemIncidentEntity): Promise<void> {
    const arriving = toCandidateIncident(incident);
    const keys = candidateKeysOf(arriving).map(candidateKeyString);
    if (!keys.length) return;
    await this.candidates.lockKeys(manager, keys);
    const neighbours = await this.copies.neighbours(
      manager,
      incident.ciId,
      incident.category,
      incident.openedAt,
      this.rules.windowMs,
    );
    const existing = await this.candidates.forKeys(manager, keys);
    const now = new Date();
    for (const decision of detectCandidates(arriving, neighbours.map(toCandidateIncident), existing, this.rules)) {
      if (decision.action === 'extend') {
        await this.candidates.addMembers(manager, decision.candidateId, decision.addIncidentIds, now);
        continue;
      }
      const members = neighbours.filter((n) => decision.incidentIds.includes(n.id));
      if (!members.some((m) => m.id === incident.id) && decision.incidentIds.includes(incident.id)) members.push(incident);
      const times = members.map((m) => m.openedAt.getTime());
      const candidate = await this.candidates.insert(
        manager,
        {
          key: candidateKeyString(decision.key),
          kind: decision.key.kind,
          ciId: decision.key.kind === 'ci' ? decision.key.ciId : null,
          category: decision.key.kind === 'category' ? decision.key.category : incident.category,
          state: 'open',
          firstOpenedAt: new Date(Math.min(...times)),
          lastOpenedAt: new Date(Math.max(...times)),
          problemId: null,
          decidedById: null,
          decidedAt: null,
          dismissReason: null,
          createdAt: now,
          updatedAt: now,
        },
        decision.incidentIds,
      );
      const ordered = decision.incidentIds.map((id) => members.find((m) => m.id === id)!).filter(Boolean);
      await this.outbox.append(manager, {
        event: ProblemCandidateRaised,
        aggregateId: candidate.id,
        payload: {
          candidate: {
            id: candidate.id,
            kind: candidate.kind,
            ciId: candidate.ciId,
            category: candidate.category,
            incidentIds: ordered.map((m) => m.id),
            incidentNumbers: ordered.map((m) => m.number),
            firstOpenedAt: candidate.firstOpenedAt.toISOString(),
            lastOpenedAt: candidate.lastOpenedAt.toISOString(),
            state: 'open',
          },
        },
      });
    }
  }

  async list(query: ListCandidatesQueryDto): Promise<Page<CandidateDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.candidates.list(query.state, cursor, limit);
    const page = toPage(rows, limit, (c) => ({ at: c.createdAt.toISOString(), id: c.id }));
    return { items: (await this.candidates.withMembers(page.items)).map(toCandidateDto), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<CandidateDto> {
    const candidate = isUuidLike(id) ? await this.candidates.find(id.toLowerCase()) : null;
    if (!candidate) throw ProblemException.candidateNotFound(id);
    return toCandidateDto((await this.candidates.withMembers([candidate]))[0]);
  }

  /** Accept: a problem (origin candidate) with the candidate's incidents linked, except those linked elsewhere meanwhile. */
  async accept(
    principal: Principal,
    id: string,
    dto: AcceptCandidateDto,
  ): Promise<{ candidate: CandidateDto; problem: ProblemDto }> {
    const actor = eventActorOf(principal);
    const at = new Date();
    const problemId = await runInTransaction(this.dataSource, async (m) => {
      const candidate = await this.openCandidate(m, id);
      const [{ members }] = await this.candidates.withMembers([candidate], m);
      const owner = await this.owners.owner(m, dto.ownerId, principal);
      const first = members[0];
      const problem = await this.problems.createInTransaction(
        m,
        {
          title: dto.title ?? (first ? first.shortDescription.slice(0, 200) : `Candidate ${candidate.key}`),
          description: describeCluster(candidate.kind, candidate.ciId, candidate.category, members),
          priority: dto.priority ?? Math.min(...members.map((i) => i.priority), 5),
          category: candidate.category,
          ciIds: dto.ciIds ?? (candidate.ciId ? [candidate.ciId] : []),
          ...owner,
          groupId: null,
          groupName: null,
          origin: 'candidate',
          candidateId: candidate.id,
          createdById: principal.id,
        },
        actor,
        at,
        { origin: 'candidate', candidateId: candidate.id },
      );
      for (const member of members) {
        if (member.problemId && member.problemId !== problem.id) continue;
        await this.links.link(m, problem.id, member.id, actor, at);
      }
      Object.assign(candidate, {
        state: 'accepted',
        problemId: problem.id,
        decidedById: principal.id,
        decidedAt: at,
        updatedAt: at,
      });
      await this.candidates.save(m, candidate);
      return problem.id;
    });
    return { candidate: await this.get(id), problem: toProblemDto(await this.problems.findOrThrow(problemId)) };
  }

  /** Dismiss: its incidents are not raised again under the same key (the domain rule excludes them). */
  async dismiss(principal: Principal, id: string, dto: DismissCandidateDto): Promise<CandidateDto> {
    const at = new Date();
    await runInTransaction(this.dataSource, async (m) => {
      const candidate = await this.openCandidate(m, id);
      Object.assign(candidate, {
        state: 'dismissed',
        decidedById: principal.id,
        decidedAt: at,
        dismissReason: dto.reason.trim(),
        updatedAt: at,
      });
      await this.candidates.save(m, candidate);
    });
    return this.get(id);
  }

  private async openCandidate(manager: EntityManager, id: string) {
    const candidate = isUuidLike(id) ? await this.candidates.findForUpdate(manager, id.toLowerCase()) : null;
    if (!candidate) throw ProblemException.candidateNotFound(id);
    if (candidate.state !== 'open') throw ProblemException.candidateDecided(candidate.state);
    return candidate;
  }
}

function toCandidateIncident(i: ProblemIncidentEntity): CandidateIncident {
  return {
    id: i.id,
    number: i.number,
    ciId: i.ciId,
    category: i.category,
    openedAt: i.openedAt,
    terms: i.terms,
    linkedToProblem: i.problemId !== null,
  };
}

function toCandidateDto({ candidate: c, members }: CandidateWithMembers): CandidateDto {
  return {
    id: c.id,
    kind: c.kind,
    ciId: c.ciId,
    category: c.category,
    state: c.state,
    firstOpenedAt: c.firstOpenedAt.toISOString(),
    lastOpenedAt: c.lastOpenedAt.toISOString(),
    incidents: members.map(toLinkedIncidentDto),
    problemId: c.problemId,
    decidedById: c.decidedById,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    dismissReason: c.dismissReason,
    createdAt: c.createdAt.toISOString(),
  };
}

function describeCluster(kind: string, ciId: string | null, category: string | null, members: ProblemIncidentEntity[]): string {
  const what = kind === 'ci' ? `share configuration item ${ciId}` : `share category ${category} and describe the same symptom`;
  const list = members.map((m) => `- ${m.number} (${m.openedAt.toISOString()}): ${m.shortDescription}`).join('\n');
  return `Raised automatically: ${members.length} incidents ${what}.\n\n${list}`;
}

function isUuidLike(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
