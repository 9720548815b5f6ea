import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import {
  EventActor,
  ProblemClosed,
  ProblemCreated,
  ProblemCreatedDetail,
  ProblemKnownErrorPublished,
  ProblemResolved,
  ProblemState,
  ProblemUpdated,
} from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { detectLanguage } from '@helpdesk/text-analysis';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemLinksService } from '../links/problem-links.service';
import { decideProblemAction, isProblemEditable, ProblemAction } from './domain/problem-lifecycle';
import { CreateProblemDto } from './dto/create-problem.dto';
import { CloseProblemDto, PublishKnownErrorDto, ResolveProblemDto } from './dto/problem-actions.dto';
import { ProblemDto, ProblemHistoryEntryDto, ProblemSummaryDto } from './dto/problem.dto';
import { UpdateProblemDto } from './dto/update-problem.dto';
import { ProblemEntity } from './entities/problem.entity';
import { eventActorOf } from './problem-actor';
import { distinct, newProblem, NewProblemInput } from './problem-factory';
import { parseProblemRef } from './problem-number';
import { ProblemOwnerResolver } from './problem-owner.resolver';
import { toHistoryEntryDto, toProblemDto, toProblemSummaryDto } from './problem-view.mapper';
import { ProblemException } from './problem.exception';
import { ProblemEventSpec, ProblemWriter } from './problem-writer.service';
import { ProblemsRepository } from './problems.repository';

export interface ListProblemsQuery {
  state?: ProblemState;
  owner?: string;
  category?: string;
  ci?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

type ActionInput = PublishKnownErrorDto & ResolveProblemDto & CloseProblemDto;

/** Problems: creation, edits with the RCA record, the lifecycle, reading, lists and history. */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly problems: ProblemsRepository,
    private readonly writer: ProblemWriter,
    private readonly links: ProblemLinksService,
    private readonly owners: ProblemOwnerResolver,
  ) {}

  async create(principal: Principal, dto: CreateProblemDto): Promise<ProblemDto> {
    const actor = eventActorOf(principal);
    const created = await runInTransaction(this.dataSource, async (m) => {
      const owner = await this.owners.owner(m, dto.ownerId, principal);
      const group = await this.owners.group(m, dto.groupId);
      const problem = await this.createInTransaction(
        m,
        { ...dto, ...owner, ...group, origin: 'manual', createdById: principal.id },
        actor,
        new Date(),
        { origin: 'manual', candidateId: null },
      );
      for (const incident of dto.incidents ?? []) await this.links.link(m, problem.id, incident, actor, new Date());
      return this.problems.find({ id: problem.id }, m);
    });
    return toProblemDto(created!);
  }

  /** Writes a new problem (problem.created) in the caller's transaction: the API, candidates and imports. */
  async createInTransaction(
    manager: EntityManager,
    input: NewProblemInput,
    actor: EventActor,
    at: Date,
    detail: ProblemCreatedDetail,
  ): Promise<ProblemEntity> {
    const problem = await newProblem(manager, input);
    return this.writer.commit(manager, null, problem, {
      action: 'created',
      actor,
      at,
      events: [{ event: ProblemCreated, detail: { ...detail } }],
    });
  }

  async get(ref: string): Promise<ProblemDto> {
    return toProblemDto(await this.findOrThrow(ref));
  }

  async list(query: ListProblemsQuery): Promise<Page<ProblemSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.problems.list(
      {
        states: query.state ? [query.state] : undefined,
        ownerId: query.owner,
        category: query.category,
        ciId: query.ci,
        text: query.q?.trim() || undefined,
      },
      cursor,
      limit,
    );
    return toPage(rows, limit, (p) => ({ at: p.updatedAt.toISOString(), id: p.id }), toProblemSummaryDto);
  }

  async history(ref: string, limit: number, cursor: string | undefined): Promise<Page<ProblemHistoryEntryDto>> {
    const problem = await this.findOrThrow(ref);
    const after = decodeCursor(cursor, { h: 'string' });
    if (after && !/^\d{1,18}$/.test(after.h))
      throw ProblemException.badField('cursor', 'must be a nextCursor returned by this list');
    const rows = await this.problems.history(problem.id, after?.h ?? null, limit);
    return toPage(rows, limit, (h) => ({ h: h.id }), toHistoryEntryDto);
  }

  async update(principal: Principal, ref: string, dto: UpdateProblemDto, expected: number | undefined): Promise<ProblemDto> {
    return this.change(ref, expected, async (m, before) => {
      if (!isProblemEditable(before.state)) throw ProblemException.closed(before.number);
      const after = Object.assign(new ProblemEntity(), before);
      if (dto.title !== undefined) after.title = dto.title.trim();
      if (dto.description !== undefined) after.description = dto.description;
      if (dto.priority !== undefined) after.priority = dto.priority;
      if (dto.category !== undefined) after.category = dto.category?.trim() || null;
      if (dto.ciIds !== undefined) after.ciIds = distinct(dto.ciIds);
      if (dto.ownerId !== undefined) Object.assign(after, await this.owners.owner(m, dto.ownerId, principal));
      if (dto.groupId !== undefined) Object.assign(after, await this.owners.group(m, dto.groupId));
      if (dto.symptoms !== undefined) after.symptoms = blankToNull(dto.symptoms);
      if (dto.timeline !== undefined)
        after.timeline = dto.timeline.map((t) => ({ at: new Date(t.at).toISOString(), note: t.note.trim() }));
      if (dto.rootCause !== undefined) after.rootCause = blankToNull(dto.rootCause);
      if (dto.contributingFactors !== undefined) after.contributingFactors = distinct(dto.contributingFactors);
      if (dto.fiveWhys !== undefined) after.fiveWhys = dto.fiveWhys.map((w) => w.trim()).filter(Boolean);
      if (dto.workaround !== undefined) after.workaround = blankToNull(dto.workaround);
      if (after.state === 'known_error' && (!after.rootCause || !after.workaround)) {
        throw ProblemException.badField(
          after.rootCause ? 'workaround' : 'rootCause',
          'cannot be cleared while the problem is a known error',
        );
      }
      after.language = detectLanguage(after.title, after.description);
      const fields = changedFields(before, after);
      // A known error's workaround shown on incidents and in the KEDB must follow its edits.
      const republish = before.state === 'known_error' && (fields.includes('workaround') || fields.includes('rootCause'));
      const events: ProblemEventSpec[] = fields.length ? [{ event: ProblemUpdated, detail: { fields } }] : [];
      if (republish) events.push({ event: ProblemKnownErrorPublished, detail: {} });
      if (!fields.length) return before;
      return this.writer.commit(m, before, after, { action: 'updated', actor: eventActorOf(principal), at: new Date(), events });
    });
  }

  async act(principal: Principal, ref: string, action: ProblemAction, expected: number | undefined, input: Partial<ActionInput>) {
    return this.change(ref, expected, async (m, before) => {
      const decision = decideProblemAction(before.state, action);
      if (!decision.allowed) throw ProblemException.illegalTransition(action, before.state, decision.allowedActions);
      const at = new Date();
      const after = Object.assign(new ProblemEntity(), before, { state: decision.to });
      const events: ProblemEventSpec[] = [];
      if (action === 'known-error') {
        after.rootCause = input.rootCause?.trim() || before.rootCause;
        after.workaround = input.workaround?.trim() || before.workaround;
        if (!after.rootCause) throw ProblemException.badField('rootCause', 'is required to publish a known error');
        if (!after.workaround) throw ProblemException.badField('workaround', 'is required to publish a known error');
        after.knownErrorAt = before.knownErrorAt ?? at;
        after.knownErrorById = principal.id;
        events.push({ event: ProblemKnownErrorPublished, detail: {} });
      } else if (action === 'resolve') {
        after.rootCause = input.rootCause?.trim() || before.rootCause;
        if (!after.rootCause)
          throw ProblemException.badField('rootCause', 'is required to resolve a problem (record what caused it)');
        after.resolutionNotes = input.resolutionNotes!.trim();
        after.resolveLinkedIncidents = input.resolveLinkedIncidents ?? false;
        after.resolvedAt = at;
        after.resolvedById = principal.id;
        events.push({
          event: ProblemResolved,
          detail: { resolveLinkedIncidents: after.resolveLinkedIncidents, resolutionNotes: after.resolutionNotes },
        });
      } else if (action === 'close') {
        after.closedAt = at;
        after.closedById = principal.id;
        after.closeNotes = input.notes?.trim() || null;
        events.push({ event: ProblemClosed, detail: { notes: after.closeNotes } });
      } else {
        events.push({ event: ProblemUpdated, detail: { fields: ['state'] } });
      }
      return this.writer.commit(m, before, after, { action, actor: eventActorOf(principal), at, events });
    });
  }

  async findOrThrow(ref: string, manager?: EntityManager): Promise<ProblemEntity> {
    const key = parseProblemRef(ref);
    const problem = key ? await this.problems.find(key, manager) : null;
    if (!problem) throw ProblemException.notFound(ref);
    return problem;
  }

  /** One locked read-check-write of a problem, with optimistic locking against the version the client read. */
  private async change(
    ref: string,
    expected: number | undefined,
    work: (m: EntityManager, before: ProblemEntity) => Promise<ProblemEntity>,
  ): Promise<ProblemDto> {
    const key = parseProblemRef(ref);
    if (!key) throw ProblemException.notFound(ref);
    const saved = await runInTransaction(this.dataSource, async (m) => {
      const before = await this.problems.findForUpdate(m, key);
      if (!before) throw ProblemException.notFound(ref);
      if (expected !== undefined && expected !== before.version) throw ProblemException.staleVersion(expected, before.version);
      return work(m, before);
    });
    return toProblemDto(saved);
  }
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}

const EDITABLE_FIELDS = [
  'title',
  'description',
  'priority',
  'category',
  'ciIds',
  'ownerId',
  'groupId',
  'symptoms',
  'timeline',
  'rootCause',
  'contributingFactors',
  'fiveWhys',
  'workaround',
] as const;

function changedFields(before: ProblemEntity, after: ProblemEntity): string[] {
  return EDITABLE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
