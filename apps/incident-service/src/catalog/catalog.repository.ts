import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogItemEntity } from './entities/catalog-item.entity';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

export interface CatalogFilter {
  activeOnly: boolean;
  category?: string;
  q?: string;
  after?: { sortOrder: number; code: string };
  limit: number;
}

/** Escapes LIKE wildcards so a search for "100%" finds the text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only code that touches catalog_item. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CatalogItemEntity);
  }

  /** By UUID or by code (paths accept either). */
  findByIdOrCode(idOrCode: string, manager?: EntityManager, lock = false): Promise<CatalogItemEntity | null> {
    const where = UUID.test(idOrCode) ? { id: idOrCode.toLowerCase() } : { code: idOrCode.toLowerCase() };
    return this.repo(manager).findOne({ where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findByCode(code: string, manager?: EntityManager): Promise<CatalogItemEntity | null> {
    return this.repo(manager).findOneBy({ code });
  }

  async insert(item: CatalogItemEntity, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(item);
  }

  async save(item: CatalogItemEntity, manager: EntityManager): Promise<void> {
    await this.repo(manager).save(item);
  }

  /**
   * Inserts the seed items if the catalog is empty. The advisory lock makes replicas that start together
   * seed once; an item whose code exists already is left as it is.
   */
  async seedIfEmpty(items: CatalogItemEntity[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('catalog_item_seed'))`);
      if ((await this.repo(manager).count()) > 0) return 0;
      await this.repo(manager).createQueryBuilder().insert().values(items).orIgnore().execute();
      return items.length;
    });
  }

  /** Sorted by sortOrder then code; fetches limit + 1 rows. */
  find(filter: CatalogFilter): Promise<CatalogItemEntity[]> {
    const qb = this.repo().createQueryBuilder('c');
    if (filter.activeOnly) qb.andWhere('c.active');
    if (filter.category) qb.andWhere('lower(c.category) = lower(:category)', { category: filter.category });
    if (filter.q) {
      qb.andWhere(
        `(c.name_ja || ' ' || c.name_en || ' ' || c.description_ja || ' ' || c.description_en || ' ' || c.code) ILIKE :q`,
        { q: likePattern(filter.q) },
      );
    }
    if (filter.after)
      qb.andWhere('(c.sort_order, c.code) > (:afterOrder, :afterCode)', {
        afterOrder: filter.after.sortOrder,
        afterCode: filter.after.code,
      });
    return qb
      .orderBy('c.sort_order', 'ASC')
      .addOrderBy('c.code', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
