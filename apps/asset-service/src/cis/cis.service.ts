import { AssetPeopleRepository } from '../directory/asset-people.repository';
import { Injectable } from '@nestjs/common';
import { hasAnyRole, Principal } from '@helpdesk/auth';
import { AssetAssigned, AssetCreated, AssetStateChanged, AssetUnassigned, AssetUpdated, CiState } from '@helpdesk/contracts';
import { runInTransaction, UniqueViolations } from '@helpdesk/database';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { AttributeDefinitionEntity } from '../attributes/attribute-definition.entity';
import { AttributesService } from '../attributes/attributes.service';
import { eventActorOf } from './ci-actor';
import { newCiEntity } from './ci-factory';
import { parseCiRef } from './ci-number';
import { toCiDto, toCiHistoryEntryDto } from './ci-view.mapper';
import { CiErrorCode, CiException } from './ci.exception';
import { CiEventSpec, CiWriter } from './ci-writer.service';
import { CiListFilter, CisRepository } from './cis.repository';
import { ASSET_READER_ROLES } from './domain/ci-roles';
import { CREATABLE_STATES, decideTransition, isCiChangeable, keepsAssignment, stateAfterAssignment } from './domain/ci-lifecycle';
import { checkCiInput, CI_FIELDS, CiFieldProblem, CiInput, isAssignableType, isCiType, isHardware } from './domain/ci-type-rules';
import { AssignCiDto, TransitionCiDto, UnassignCiDto } from './dto/ci-actions.dto';
import { CiDto, CiHistoryEntryDto } from './dto/ci.dto';
import { CreateCiDto } from './dto/create-ci.dto';
import { UpdateCiDto } from './dto/update-ci.dto';
import { CiEntity } from './entities/ci.entity';

/** The fields an edit may change, for asset.updated's `fields`. */
const EDITABLE_FIELDS = ['name', ...CI_FIELDS, 'attributes'] as const satisfies readonly (keyof CiEntity)[];

/** CIs: creation and edits validated per type, the lifecycle, assignment, reading, lists and history. */
@Injectable()
export class CisService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cis: CisRepository,
    private readonly writer: CiWriter,
    private readonly attributes: AttributesService,
    private readonly people: AssetPeopleRepository,
  ) {}

  async create(principal: Principal, dto: CreateCiDto): Promise<CiDto> {
    const attempt: Partial<CiEntity> = {};
    const saved = await runInTransaction(
      this.dataSource,
      async (m) => {
        const definitions = await this.definitionsOf(dto.type, m);
        const { value, problems } = checkCiInput(dto, definitions, 'create');
        if (value.state && !CREATABLE_STATES.includes(value.state)) {
          problems.push({
            field: 'state',
            reason: `must be ${CREATABLE_STATES.join(' or ')} for a new CI (assignment or a transition deploys it)`,
          });
        }
        await this.resolveLicence(m, value, problems);
        if (problems.length) throw CiException.badFields(problems);
        Object.assign(attempt, value);
        const ci = await newCiEntity(m, value, principal.id);
        return this.writer.commit(m, null, ci, {
          action: 'created',
          actor: eventActorOf(principal),
          at: new Date(),
          events: [{ event: AssetCreated, detail: { origin: 'api', importJobId: null } }],
        });
      },
      duplicateViolations(attempt),
    );
    return toCiDto(saved);
  }

  async update(principal: Principal, ref: string, dto: UpdateCiDto, expected: number | undefined): Promise<CiDto> {
    const attempt: Partial<CiEntity> = {};
    return this.change(
      ref,
      expected,
      async (m, before) => {
        const { version: _version, ...input } = dto;
        const definitions = await this.attributes.definitionsFor(before.type, m);
        const { value, problems } = checkCiInput(input as CiInput, definitions, 'update', before);
        await this.resolveLicence(m, value, problems);
        if (problems.length) throw CiException.badFields(problems);
        const after = Object.assign(new CiEntity(), before, value);
        Object.assign(attempt, after);
        const fields = EDITABLE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
        if (!fields.length) return before;
        return this.writer.commit(m, before, after, {
          action: 'updated',
          actor: eventActorOf(principal),
          at: new Date(),
          events: [{ event: AssetUpdated, detail: { fields } }],
        });
      },
      duplicateViolations(attempt),
    );
  }

  async transition(principal: Principal, ref: string, dto: TransitionCiDto, expected: number | undefined): Promise<CiDto> {
    return this.change(ref, expected, async (m, before) => {
      const decision = decideTransition(before.state, dto.state);
      if (!decision.allowed) throw CiException.illegalTransition(before.state, dto.state, decision.allowedStates);
      const after = Object.assign(new CiEntity(), before, { state: dto.state });
      const events: CiEventSpec[] = [{ event: AssetStateChanged, detail: { from: before.state, to: dto.state } }];
      // Back in stock, retired or disposed: nobody has it any more.
      if (before.assignedToId && !keepsAssignment(dto.state)) {
        clearAssignment(after);
        events.push({ event: AssetUnassigned, detail: { previousAssigneeId: before.assignedToId } });
      }
      return this.writer.commit(m, before, after, {
        action: 'state-changed',
        actor: eventActorOf(principal),
        at: new Date(),
        note: dto.note?.trim() || null,
        events,
      });
    });
  }

  async assign(principal: Principal, ref: string, dto: AssignCiDto, expected: number | undefined): Promise<CiDto> {
    return this.change(ref, expected, async (m, before) => {
      if (!isAssignableType(before.type))
        throw CiException.badFields([{ field: 'userId', reason: `assignment does not apply to ${before.type}` }]);
      const state = stateAfterAssignment(before.state);
      if (!state) {
        throw CiException.conflict(
          'state',
          `is ${before.state}; only a CI in stock, deployed or in repair can be assigned`,
          CiErrorCode.IllegalTransition,
        );
      }
      const found = await this.people.person(dto.userId.toLowerCase(), m);
      const person = found?.active ? found : null;
      if (!person) throw CiException.badFields([{ field: 'userId', reason: 'is not an active person in the directory' }]);
      if (before.assignedToId === person.id) return before;
      const at = new Date();
      const after = Object.assign(new CiEntity(), before, {
        state,
        assignedToId: person.id,
        assignedToName: person.displayName,
        department: person.department,
        assignedAt: at,
      });
      const events: CiEventSpec[] = [{ event: AssetAssigned, detail: { previousAssigneeId: before.assignedToId } }];
      if (state !== before.state) events.push({ event: AssetStateChanged, detail: { from: before.state, to: state } });
      return this.writer.commit(m, before, after, {
        action: 'assigned',
        actor: eventActorOf(principal),
        at,
        note: dto.note?.trim() || null,
        events,
      });
    });
  }

  async unassign(principal: Principal, ref: string, dto: UnassignCiDto, expected: number | undefined): Promise<CiDto> {
    return this.change(ref, expected, async (m, before) => {
      if (!before.assignedToId) throw CiException.conflict('assignedToId', 'is empty: the CI is not assigned to anyone');
      const state: CiState = dto.state ?? 'in_stock';
      if (state === 'in_repair' && !isHardware(before.type)) {
        throw CiException.badFields([{ field: 'state', reason: `in_repair does not apply to ${before.type}` }]);
      }
      if (state !== before.state) {
        const decision = decideTransition(before.state, state);
        if (!decision.allowed) throw CiException.illegalTransition(before.state, state, decision.allowedStates);
      }
      const after = clearAssignment(Object.assign(new CiEntity(), before, { state }));
      const events: CiEventSpec[] = [{ event: AssetUnassigned, detail: { previousAssigneeId: before.assignedToId } }];
      if (state !== before.state) events.push({ event: AssetStateChanged, detail: { from: before.state, to: state } });
      return this.writer.commit(m, before, after, {
        action: 'unassigned',
        actor: eventActorOf(principal),
        at: new Date(),
        note: dto.note?.trim() || null,
        events,
      });
    });
  }

  /** IT staff read any CI; anyone else only a CI assigned to them (404 otherwise, as for what does not exist). */
  async get(principal: Principal, ref: string): Promise<CiDto> {
    const ci = await this.cis.find(ref);
    if (!ci || !(hasAnyRole(principal, ASSET_READER_ROLES) || ci.assignedToId === principal.id)) throw CiException.notFound(ref);
    return toCiDto(ci);
  }

  async list(filter: CiListFilter, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<Page<CiDto>> {
    const after = decodeCursor(cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.cis.list(filter, after, limit);
    return toPage(rows, limit, (ci) => ({ at: ci.updatedAt.toISOString(), id: ci.id }), toCiDto);
  }

  async history(ref: string, limit: number, cursor: string | undefined): Promise<Page<CiHistoryEntryDto>> {
    const ci = await this.cis.find(ref);
    if (!ci) throw CiException.notFound(ref);
    const after = decodeCursor(cursor, { h: 'string' });
    if (after && !/^\d{1,18}$/.test(after.h)) {
      throw CiException.badFields([{ field: 'cursor', reason: 'cursor must be a nextCursor returned by this list' }]);
    }
    const rows = await this.cis.history(ci.id, after?.h ?? null, limit);
    return toPage(rows, limit, (h) => ({ h: h.id }), toCiHistoryEntryDto);
  }

  /** The definitions of the type a create names (none while the type is missing or unknown: checkCiInput says so). */
  private async definitionsOf(type: unknown, m: EntityManager): Promise<AttributeDefinitionEntity[]> {
    const normalised = typeof type === 'string' ? type.trim().toLowerCase() : '';
    return isCiType(normalised) ? this.attributes.definitionsFor(normalised, m) : [];
  }

  /** licenceId names a licence CI: resolve the reference to its id, or add the problem. */
  private async resolveLicence(m: EntityManager, value: Partial<CiEntity>, problems: CiFieldProblem[]): Promise<void> {
    if (!value.licenceId || problems.some((p) => p.field === 'licenceId')) return;
    const resolved = await this.cis.resolveLicence(value.licenceId, m);
    if ('reason' in resolved) problems.push({ field: 'licenceId', reason: resolved.reason });
    else value.licenceId = resolved.licence.id;
  }

  /** One locked read-check-write of a CI, with optimistic locking against the version the client read. */
  private async change(
    ref: string,
    expected: number | undefined,
    work: (m: EntityManager, before: CiEntity) => Promise<CiEntity>,
    uniqueViolations?: UniqueViolations,
  ): Promise<CiDto> {
    const key = parseCiRef(ref);
    if (!key) throw CiException.notFound(ref);
    const saved = await runInTransaction(
      this.dataSource,
      async (m) => {
        const before = await this.cis.findForUpdate(m, key);
        if (!before) throw CiException.notFound(ref);
        if (expected !== undefined && expected !== before.version) throw CiException.staleVersion(expected, before.version);
        if (!isCiChangeable(before.state))
          throw CiException.conflict('state', 'is disposed: a disposed CI is final and cannot change');
        return work(m, before);
      },
      uniqueViolations,
    );
    return toCiDto(saved);
  }
}

function clearAssignment(ci: CiEntity): CiEntity {
  return Object.assign(ci, { assignedToId: null, assignedToName: null, department: null, assignedAt: null });
}

/** The unique indexes of asset_ci as 409s naming the field (and the value that clashed). */
function duplicateViolations(attempt: Partial<CiEntity>): UniqueViolations {
  return {
    asset_ci_asset_tag: () =>
      CiException.conflict('assetTag', `is already used by another CI: ${attempt.assetTag}`, CiErrorCode.Duplicate),
    asset_ci_serial: () =>
      CiException.conflict(
        'serialNumber',
        `is already recorded for another CI of ${attempt.manufacturer ?? 'no manufacturer'}: ${attempt.serialNumber}`,
        CiErrorCode.Duplicate,
      ),
  };
}
