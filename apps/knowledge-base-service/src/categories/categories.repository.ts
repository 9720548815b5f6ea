import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KbCategoryEntity } from './entities/kb-category.entity';

/** The only code that touches kb_category. */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  all(manager?: EntityManager): Promise<KbCategoryEntity[]> {
    return this.m(manager).find(KbCategoryEntity, { order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<KbCategoryEntity | null> {
    return this.m(manager).findOneBy(KbCategoryEntity, { id });
  }

  findByCode(code: string, manager?: EntityManager): Promise<KbCategoryEntity | null> {
    return this.m(manager).findOneBy(KbCategoryEntity, { code });
  }

  async insert(manager: EntityManager, category: KbCategoryEntity): Promise<void> {
    await manager.insert(KbCategoryEntity, category);
  }

  /** Inserts unless the code exists (concurrent seeders: the first wins); returns the row with that code. */
  async insertIfMissing(manager: EntityManager, category: KbCategoryEntity): Promise<KbCategoryEntity> {
    await manager.createQueryBuilder().insert().into(KbCategoryEntity).values(category).orIgnore().execute();
    return (await this.findByCode(category.code, manager))!;
  }
}
