import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CategoryHistoryEntity } from './entities/category-history.entity';
import { CategoryEntity } from './entities/category.entity';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

export interface TopLevelFilter {
  active?: boolean;
  after?: { sortOrder: number; code: string };
  limit: number;
}

/** The only code that touches category and category_history. */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private categories(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CategoryEntity);
  }

  /** By UUID, else by code (a code may look like a UUID, so both are tried). */
  async findByIdOrCode(idOrCode: string, manager?: EntityManager, lock = false): Promise<CategoryEntity | null> {
    const lockOption = lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const repo = this.categories(manager);
    const byId = UUID.test(idOrCode) ? await repo.findOne({ where: { id: idOrCode }, ...lockOption }) : null;
    return byId ?? repo.findOne({ where: { code: idOrCode.toLowerCase() }, ...lockOption });
  }

  findByCode(code: string, manager?: EntityManager): Promise<CategoryEntity | null> {
    return this.categories(manager).findOneBy({ code: code.toLowerCase() });
  }

  /** Every category's code and first-level flag (retired ones too: old incidents still carry them). */
  allFlags(manager?: EntityManager): Promise<Pick<CategoryEntity, 'code' | 'firstLevelResolvable'>[]> {
    return this.categories(manager).find({ select: { code: true, firstLevelResolvable: true } });
  }

  findByCodes(codes: string[], manager?: EntityManager): Promise<CategoryEntity[]> {
    return codes.length ? this.categories(manager).findBy({ code: In(codes) }) : Promise.resolve([]);
  }

  /** Top-level categories sorted by sortOrder then code; fetches limit + 1 rows. */
  findTopLevel(filter: TopLevelFilter): Promise<CategoryEntity[]> {
    const qb = this.categories().createQueryBuilder('c').where('c.parent_id IS NULL');
    if (filter.active !== undefined) qb.andWhere('c.active = :active', { active: filter.active });
    if (filter.after) {
      qb.andWhere('(c.sort_order, c.code) > (:sortOrder, :code)', filter.after);
    }
    return qb
      .orderBy('c.sort_order', 'ASC')
      .addOrderBy('c.code', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }

  /** Subcategories of these parents, sorted by sortOrder then code. */
  findChildren(parentIds: string[], active?: boolean): Promise<CategoryEntity[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    const qb = this.categories().createQueryBuilder('c').where('c.parent_id IN (:...parentIds)', { parentIds });
    if (active !== undefined) qb.andWhere('c.active = :active', { active });
    return qb.orderBy('c.sort_order', 'ASC').addOrderBy('c.code', 'ASC').getMany();
  }

  /** The sortOrder that puts a new category after its last sibling. */
  async nextSortOrder(parentId: string | null, manager: EntityManager): Promise<number> {
    const row = await this.categories(manager)
      .createQueryBuilder('c')
      .select('max(c.sort_order)', 'max')
      .where(parentId ? 'c.parent_id = :parentId' : 'c.parent_id IS NULL', { parentId })
      .getRawOne<{ max: number | null }>();
    return (row?.max ?? 0) + 10;
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return !(await this.categories(manager).exists());
  }

  async insert(category: CategoryEntity, manager: EntityManager): Promise<void> {
    await this.categories(manager).insert(category);
  }

  async save(category: CategoryEntity, manager: EntityManager): Promise<void> {
    await this.categories(manager).save(category);
  }

  async addHistory(entry: Omit<CategoryHistoryEntity, 'id'>, manager: EntityManager): Promise<void> {
    // jsonb `changes` holds unknown values, which TypeORM's deep-partial insert type cannot express.
    await manager.getRepository(CategoryHistoryEntity).insert(entry as QueryDeepPartialEntity<CategoryHistoryEntity>);
  }

  /** Newest first; fetches limit + 1 rows. */
  history(categoryId: string, limit: number, beforeId?: string): Promise<CategoryHistoryEntity[]> {
    const qb = this.dataSource
      .getRepository(CategoryHistoryEntity)
      .createQueryBuilder('h')
      .where('h.category_id = :categoryId', { categoryId });
    if (beforeId !== undefined) qb.andWhere('h.id < :beforeId', { beforeId });
    return qb
      .orderBy('h.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }
}
