import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, PageQueryDto, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CategoriesService } from '../categories/categories.service';
import { toHistoryEntryDto } from '../categories/category.mapper';
import { HistoryEntryDto } from '../categories/dto/history-entry.dto';
import { ChangeActor, diffFields, SEED_ACTOR } from '../categories/reference-change';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { DEFAULT_ROUTING_RULES } from './default-routing-rules.constant';
import { CreateRoutingRuleDto } from './dto/create-routing-rule.dto';
import { ListRoutingRulesQueryDto } from './dto/list-routing-rules.query.dto';
import { RoutingConditionsInputDto } from './dto/routing-conditions-input.dto';
import { RoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingDecisionDto, SimulateRoutingDto } from './dto/simulate-routing.dto';
import { UpdateRoutingRuleDto } from './dto/update-routing-rule.dto';
import { RoutingRuleEntity } from './entities/routing-rule.entity';
import { RoutingRuleErrorCode, RoutingRuleException } from './routing-rule.exception';
import { toRoutingRuleDto } from './routing-rule.mapper';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RoutingService } from './routing.service';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

const AUDITED_FIELDS = [
  'name',
  'order',
  'active',
  'categories',
  'channels',
  'callerDepartments',
  'keywords',
  'assignmentGroupId',
  'assignmentGroupName',
] as const satisfies readonly (keyof RoutingRuleEntity)[];
const CONDITION_LISTS = ['categories', 'channels', 'callerDepartments', 'keywords'] as const;
const DEFAULT_PAGE = 50;
/** Any constant: one replica seeds at a time. */
const SEED_LOCK_KEY = 7_310_202;

/** Routing rules: read by the desk's staff, changed by admins, every change audited; edits refresh the routing cache. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RoutingRulesRepository,
    private readonly categories: CategoriesService,
    private readonly routing: RoutingService,
  ) {}

  async list(query: ListRoutingRulesQueryDto): Promise<Page<RoutingRuleDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const cursor = decodeCursor(query.cursor, { o: 'number', id: 'uuid' });
    const rows = await this.rules.find({
      active: query.active,
      after: cursor ? { order: cursor.o, id: cursor.id } : undefined,
      limit,
    });
    const page = toPage(rows, limit, (r) => ({ o: r.order, id: r.id }));
    const groups = await Promise.all(page.items.map((r) => this.routing.findTarget(r)));
    return { items: page.items.map((r, i) => toRoutingRuleDto(r, groups[i])), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<RoutingRuleDto> {
    const rule = await this.rules.findById(id);
    if (!rule) throw RoutingRuleException.notFound();
    return toRoutingRuleDto(rule, await this.routing.findTarget(rule));
  }

  async create(dto: CreateRoutingRuleDto, actor: ChangeActor): Promise<RoutingRuleDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      if (dto.assignmentGroupId === undefined && dto.assignmentGroupName === undefined) {
        throw RoutingRuleException.invalid(
          RoutingRuleErrorCode.InvalidRule,
          'assignmentGroupId',
          'assignmentGroupId or assignmentGroupName is required',
        );
      }
      const now = new Date();
      const rule = Object.assign(new RoutingRuleEntity(), {
        id: uuidv7(),
        name: dto.name,
        order: dto.order ?? (await this.rules.nextOrder(manager)),
        active: dto.active ?? true,
        categories: [],
        channels: [],
        callerDepartments: [],
        keywords: [],
        assignmentGroupId: null,
        assignmentGroupName: null,
        createdAt: now,
        changedAt: now,
        changedBy: actor.id,
        version: 1,
      } satisfies RoutingRuleEntity);
      applyConditions(rule, dto.conditions);
      const group = await this.applyTarget(rule, dto, manager);
      await this.checkConditions(rule, null, manager);
      await this.rules.insert(rule, manager);
      await this.record(manager, rule, 'created', null, actor);
      return toRoutingRuleDto(rule, group);
    });
    this.routing.invalidate();
    return result;
  }

  async update(
    id: string,
    dto: UpdateRoutingRuleDto,
    expectedVersion: number | undefined,
    actor: ChangeActor,
  ): Promise<RoutingRuleDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const rule = await this.lockCurrent(id, expectedVersion, manager);
      const before = { ...rule };
      if (dto.name !== undefined) rule.name = dto.name;
      if (dto.order !== undefined) rule.order = dto.order;
      if (dto.active !== undefined) rule.active = dto.active;
      if (dto.conditions !== undefined) applyConditions(rule, dto.conditions);
      const changedTarget = dto.assignmentGroupId !== undefined || dto.assignmentGroupName !== undefined;
      const group = changedTarget ? await this.applyTarget(rule, dto, manager) : await this.routing.findTarget(rule, manager);
      await this.checkConditions(rule, before, manager);
      if (diffFields(before, rule, AUDITED_FIELDS).length === 0) return { dto: toRoutingRuleDto(before, group), changed: false };
      rule.version = before.version + 1;
      rule.changedAt = new Date();
      rule.changedBy = actor.id;
      await this.rules.save(rule, manager);
      await this.record(manager, rule, before.active && !rule.active ? 'deactivated' : 'updated', before, actor);
      return { dto: toRoutingRuleDto(rule, group), changed: true };
    });
    if (result.changed) this.routing.invalidate();
    return result.dto;
  }

  /** Deletes for good (the history keeps its last state); PATCH active:false retires it instead. */
  async remove(id: string, expectedVersion: number | undefined, actor: ChangeActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rule = await this.lockCurrent(id, expectedVersion, manager);
      await this.rules.delete(rule.id, manager);
      await this.rules.addHistory(
        {
          ruleId: rule.id,
          at: new Date(),
          actorId: actor.id,
          actorRole: actor.role,
          action: 'deleted',
          changes: AUDITED_FIELDS.map((field) => ({ field, from: rule[field], to: null })),
          version: rule.version + 1,
        },
        manager,
      );
    });
    this.routing.invalidate();
  }

  /** Newest first; a deleted rule's history stays readable. */
  async history(id: string, query: PageQueryDto): Promise<Page<HistoryEntryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const cursor = decodeCursor(query.cursor, { id: 'number' });
    const rows = UUID.test(id) ? await this.rules.history(id, limit, cursor ? String(cursor.id) : undefined) : [];
    if (rows.length === 0 && !cursor && !(await this.rules.findById(id))) throw RoutingRuleException.notFound();
    return toPage(rows, limit, (h) => ({ id: Number(h.id) }), toHistoryEntryDto);
  }

  /** What routing would decide for this incident now, without creating one. */
  async simulate(dto: SimulateRoutingDto): Promise<RoutingDecisionDto> {
    return this.routing.route(this.dataSource.manager, {
      category: dto.category ?? null,
      subcategory: dto.subcategory ?? null,
      shortDescription: dto.shortDescription,
      description: dto.description ?? '',
      channel: dto.channel ?? 'portal',
      callerDepartment: dto.callerDepartment ?? null,
    });
  }

  /** Seeds DEFAULT_ROUTING_RULES into an empty table; returns how many it created (0 if any existed). */
  async seedDefaults(): Promise<number> {
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (!(await this.rules.isEmpty(manager))) return 0;
      const now = new Date();
      for (const seed of DEFAULT_ROUTING_RULES) {
        const rule = Object.assign(new RoutingRuleEntity(), {
          id: uuidv7(),
          name: seed.name,
          order: seed.order,
          active: true,
          categories: seed.categories ?? [],
          channels: [],
          callerDepartments: [],
          keywords: seed.keywords ?? [],
          assignmentGroupId: null,
          assignmentGroupName: seed.assignmentGroupName,
          createdAt: now,
          changedAt: now,
          changedBy: SEED_ACTOR.id,
          version: 1,
        } satisfies RoutingRuleEntity);
        await this.rules.insert(rule, manager);
        await this.record(manager, rule, 'created', null, SEED_ACTOR);
      }
      return DEFAULT_ROUTING_RULES.length;
    });
    if (created > 0) this.routing.invalidate();
    return created;
  }

  private async lockCurrent(id: string, expectedVersion: number | undefined, manager: EntityManager): Promise<RoutingRuleEntity> {
    const rule = await this.rules.findById(id, manager, true);
    if (!rule) throw RoutingRuleException.notFound();
    if (expectedVersion !== undefined && expectedVersion !== rule.version) throw RoutingRuleException.staleVersion(rule.version);
    return rule;
  }

  /** Sets the target from the request: one of id or name, naming a group the directory knows (an active one, by id). */
  private async applyTarget(
    rule: RoutingRuleEntity,
    dto: Pick<CreateRoutingRuleDto, 'assignmentGroupId' | 'assignmentGroupName'>,
    manager: EntityManager,
  ): Promise<DirectoryGroupEntity> {
    if (dto.assignmentGroupId !== undefined && dto.assignmentGroupName !== undefined) {
      throw RoutingRuleException.invalid(
        RoutingRuleErrorCode.InvalidRule,
        'assignmentGroupName',
        'give assignmentGroupId or assignmentGroupName, not both',
      );
    }
    const field = dto.assignmentGroupId !== undefined ? 'assignmentGroupId' : 'assignmentGroupName';
    const value = (dto.assignmentGroupId ?? dto.assignmentGroupName)!;
    rule.assignmentGroupId = dto.assignmentGroupId ?? null;
    rule.assignmentGroupName = dto.assignmentGroupName ?? null;
    const group = await this.routing.findTarget(rule, manager);
    if (!group) {
      throw RoutingRuleException.invalid(
        RoutingRuleErrorCode.UnknownGroup,
        field,
        `${field} must name a group of the directory; unknown: ${value}`,
      );
    }
    if (!group.active) {
      throw RoutingRuleException.invalid(
        RoutingRuleErrorCode.UnknownGroup,
        field,
        `${field} names an inactive group: ${group.name}`,
      );
    }
    return group;
  }

  /** At least one condition; category codes must exist (checked only when they changed). */
  private async checkConditions(
    rule: RoutingRuleEntity,
    before: RoutingRuleEntity | null,
    manager: EntityManager,
  ): Promise<void> {
    if (CONDITION_LISTS.every((list) => rule[list].length === 0)) {
      throw RoutingRuleException.invalid(
        RoutingRuleErrorCode.InvalidRule,
        'conditions',
        'conditions must give at least one of categories, channels, callerDepartments or keywords',
      );
    }
    if (before && diffFields(before, rule, ['categories']).length === 0) return;
    const unknown = await this.categories.unknownCodes(rule.categories, manager);
    if (unknown.length > 0) {
      throw RoutingRuleException.invalid(
        RoutingRuleErrorCode.UnknownCategory,
        'conditions.categories',
        `conditions.categories must be category codes; unknown: ${unknown.join(', ')}`,
      );
    }
  }

  private record(
    manager: EntityManager,
    rule: RoutingRuleEntity,
    action: string,
    before: RoutingRuleEntity | null,
    actor: ChangeActor,
  ): Promise<void> {
    return this.rules.addHistory(
      {
        ruleId: rule.id,
        at: rule.changedAt,
        actorId: actor.id,
        actorRole: actor.role,
        action,
        changes: diffFields(before, rule, AUDITED_FIELDS),
        version: rule.version,
      },
      manager,
    );
  }
}

/** Each list given replaces the rule's list (null clears it); lists not given stay. */
function applyConditions(rule: RoutingRuleEntity, conditions: RoutingConditionsInputDto): void {
  for (const list of CONDITION_LISTS) {
    const value = conditions[list];
    if (value !== undefined) rule[list] = value === null ? [] : [...value];
  }
}
