import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { STAFF_ROLES } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { decodeCursor, Page, PageQueryDto, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { toCategoryDto, toCategoryTreeDto, toHistoryEntryDto } from './category.mapper';
import { CategoryException } from './category.exception';
import { CategoriesRepository } from './categories.repository';
import { CategoryFlagsCache } from './category-flags.cache';
import { DEFAULT_CATEGORIES } from './default-categories.constant';
import { CategoryDto, CategoryTreeDto } from './dto/category.dto';
import { CreateCategoryDto } from './dto/create-category.dto';
import { HistoryEntryDto } from './dto/history-entry.dto';
import { ListCategoriesQueryDto } from './dto/list-categories.query.dto';
import { UpdateCategoryDto } from './dto/update-category.dto';
import { CategoryEntity } from './entities/category.entity';
import { ChangeActor, diffFields, SEED_ACTOR } from './reference-change';

const AUDITED_FIELDS = [
  'code',
  'nameJa',
  'nameEn',
  'active',
  'firstLevelResolvable',
  'sortOrder',
] as const satisfies readonly (keyof CategoryEntity)[];
const DEFAULT_PAGE = 50;
/** Any constant: one replica seeds at a time. */
const SEED_LOCK_KEY = 7_310_201;

/** Categories and subcategories: readable by everyone signed in, changed by admins, every change audited. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
    private readonly flags: CategoryFlagsCache,
  ) {}

  /** Top-level categories (paged) with their subcategories; employees see active ones only. */
  async list(query: ListCategoriesQueryDto, principal: Principal): Promise<Page<CategoryTreeDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const active = isStaff(principal) ? query.active : true;
    const cursor = decodeCursor(query.cursor, { o: 'number', c: 'string' });
    const rows = await this.categories.findTopLevel({
      active,
      after: cursor ? { sortOrder: cursor.o, code: cursor.c } : undefined,
      limit,
    });
    const page = toPage(rows, limit, (c) => ({ o: c.sortOrder, c: c.code }));
    const children = await this.categories.findChildren(
      page.items.map((c) => c.id),
      active,
    );
    return {
      items: page.items.map((c) =>
        toCategoryTreeDto(
          c,
          children.filter((s) => s.parentId === c.id),
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** By UUID or code; a top-level category comes with its subcategories. */
  async get(idOrCode: string, principal: Principal): Promise<CategoryTreeDto> {
    const staff = isStaff(principal);
    const category = await this.categories.findByIdOrCode(idOrCode);
    if (!category || (!staff && !category.active)) throw CategoryException.notFound();
    const children = category.parentId ? [] : await this.categories.findChildren([category.id], staff ? undefined : true);
    return toCategoryTreeDto(category, children);
  }

  async create(dto: CreateCategoryDto, actor: ChangeActor): Promise<CategoryDto> {
    const taken = () => CategoryException.codeTaken(dto.code);
    // A unique-index race on the code becomes the same 409 rather than a 500.
    const created = await runInTransaction(
      this.dataSource,
      async (manager) => {
        if (await this.categories.findByCode(dto.code, manager)) throw taken();
        const dot = dto.code.indexOf('.');
        let parent: CategoryEntity | null = null;
        if (dot >= 0) {
          parent = await this.categories.findByCode(dto.code.slice(0, dot), manager);
          if (!parent) throw CategoryException.parentNotFound(dto.code, dto.code.slice(0, dot));
        }
        const now = new Date();
        const category = Object.assign(new CategoryEntity(), {
          id: uuidv7(),
          code: dto.code,
          parentId: parent?.id ?? null,
          nameJa: dto.nameJa,
          nameEn: dto.nameEn,
          active: dto.active ?? true,
          firstLevelResolvable: dto.firstLevelResolvable ?? parent?.firstLevelResolvable ?? true,
          sortOrder: dto.sortOrder ?? (await this.categories.nextSortOrder(parent?.id ?? null, manager)),
          createdAt: now,
          changedAt: now,
          changedBy: actor.id,
          version: 1,
        } satisfies CategoryEntity);
        await this.categories.insert(category, manager);
        await this.record(manager, category, 'created', null, actor);
        return toCategoryDto(category);
      },
      { category_code: taken },
    );
    this.flags.invalidate();
    return created;
  }

  async update(
    idOrCode: string,
    dto: UpdateCategoryDto,
    expectedVersion: number | undefined,
    actor: ChangeActor,
  ): Promise<CategoryDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const category = await this.categories.findByIdOrCode(idOrCode, manager, true);
      if (!category) throw CategoryException.notFound();
      if (expectedVersion !== undefined && expectedVersion !== category.version) {
        throw CategoryException.staleVersion(category.version);
      }
      const before = { ...category };
      if (dto.nameJa !== undefined) category.nameJa = dto.nameJa;
      if (dto.nameEn !== undefined) category.nameEn = dto.nameEn;
      if (dto.active !== undefined) category.active = dto.active;
      if (dto.firstLevelResolvable !== undefined) category.firstLevelResolvable = dto.firstLevelResolvable;
      if (dto.sortOrder !== undefined) category.sortOrder = dto.sortOrder;
      if (diffFields(before, category, AUDITED_FIELDS).length === 0) return toCategoryDto(category);
      category.version = before.version + 1;
      category.changedAt = new Date();
      category.changedBy = actor.id;
      await this.categories.save(category, manager);
      await this.record(manager, category, before.active && !category.active ? 'deactivated' : 'updated', before, actor);
      return toCategoryDto(category);
    });
    this.flags.invalidate();
    return updated;
  }

  async history(idOrCode: string, query: PageQueryDto): Promise<Page<HistoryEntryDto>> {
    const category = await this.categories.findByIdOrCode(idOrCode);
    if (!category) throw CategoryException.notFound();
    const limit = query.limit ?? DEFAULT_PAGE;
    const cursor = decodeCursor(query.cursor, { id: 'number' });
    const rows = await this.categories.history(category.id, limit, cursor ? String(cursor.id) : undefined);
    return toPage(rows, limit, (h) => ({ id: Number(h.id) }), toHistoryEntryDto);
  }

  /** For other modules (routing rules, incidents): the category with this code, or null. */
  findByCode(code: string, manager?: EntityManager): Promise<CategoryEntity | null> {
    return this.categories.findByCode(code, manager);
  }

  /** The codes among these that no category has (retired ones count as existing). */
  async unknownCodes(codes: string[], manager?: EntityManager): Promise<string[]> {
    const found = new Set((await this.categories.findByCodes(codes, manager)).map((c) => c.code));
    return codes.filter((c) => !found.has(c));
  }

  /** Seeds DEFAULT_CATEGORIES into an empty table; returns how many rows it created (0 if any existed). */
  seedDefaults(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (!(await this.categories.isEmpty(manager))) return 0;
      const now = new Date();
      let created = 0;
      const row = (
        code: string,
        parentId: string | null,
        fields: Pick<CategoryEntity, 'nameJa' | 'nameEn' | 'firstLevelResolvable' | 'sortOrder'>,
      ) =>
        Object.assign(new CategoryEntity(), {
          id: uuidv7(),
          code,
          parentId,
          ...fields,
          active: true,
          createdAt: now,
          changedAt: now,
          changedBy: SEED_ACTOR.id,
          version: 1,
        } satisfies CategoryEntity);
      for (const [i, top] of DEFAULT_CATEGORIES.entries()) {
        const parent = row(top.code, null, {
          nameJa: top.nameJa,
          nameEn: top.nameEn,
          firstLevelResolvable: top.firstLevelResolvable,
          sortOrder: (i + 1) * 10,
        });
        await this.categories.insert(parent, manager);
        await this.record(manager, parent, 'created', null, SEED_ACTOR);
        created++;
        for (const [j, sub] of top.subcategories.entries()) {
          const child = row(`${top.code}.${sub.code}`, parent.id, {
            nameJa: sub.nameJa,
            nameEn: sub.nameEn,
            firstLevelResolvable: top.firstLevelResolvable,
            sortOrder: (j + 1) * 10,
          });
          await this.categories.insert(child, manager);
          await this.record(manager, child, 'created', null, SEED_ACTOR);
          created++;
        }
      }
      return created;
    });
  }

  private record(
    manager: EntityManager,
    category: CategoryEntity,
    action: string,
    before: CategoryEntity | null,
    actor: ChangeActor,
  ): Promise<void> {
    return this.categories.addHistory(
      {
        categoryId: category.id,
        at: category.changedAt,
        actorId: actor.id,
        actorRole: actor.role,
        action,
        changes: diffFields(before, category, AUDITED_FIELDS),
        version: category.version,
      },
      manager,
    );
  }
}

function isStaff(principal: Principal): boolean {
  return principal.roles.some((r) => STAFF_ROLES.includes(r));
}
