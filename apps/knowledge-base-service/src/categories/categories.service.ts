import { Injectable } from '@nestjs/common';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CategoriesRepository } from './categories.repository';
import { CategoryException } from './category.exception';
import { CreateKbCategoryDto } from './dto/create-kb-category.dto';
import { KbCategoryDto, KbCategoryTreeDto } from './dto/kb-category.dto';
import { KbCategoryEntity } from './entities/kb-category.entity';

export interface CategoryInput {
  code: string;
  parentId: string | null;
  nameJa: string;
  nameEn: string;
  sortOrder: number;
}

export function toCategoryDto(c: KbCategoryEntity): KbCategoryDto {
  return { id: c.id, code: c.code, parentId: c.parentId, nameJa: c.nameJa, nameEn: c.nameEn, sortOrder: c.sortOrder };
}

/** The article category tree: read by everyone, grown by knowledge managers and the seeder. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
  ) {}

  async tree(): Promise<KbCategoryTreeDto[]> {
    const all = await this.categories.all();
    const nodes = new Map(all.map((c) => [c.id, { ...toCategoryDto(c), children: [] as KbCategoryTreeDto[] }]));
    const roots: KbCategoryTreeDto[] = [];
    for (const c of all) {
      const node = nodes.get(c.id)!;
      const parent = c.parentId ? nodes.get(c.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  all(): Promise<KbCategoryEntity[]> {
    return this.categories.all();
  }

  /** A category by UUID or code, or null. */
  resolve(ref: string, manager?: EntityManager): Promise<KbCategoryEntity | null> {
    return UUID_PATTERN.test(ref)
      ? this.categories.findById(ref.toLowerCase(), manager)
      : this.categories.findByCode(ref, manager);
  }

  findById(id: string, manager?: EntityManager): Promise<KbCategoryEntity | null> {
    return this.categories.findById(id, manager);
  }

  async create(dto: CreateKbCategoryDto): Promise<KbCategoryDto> {
    const created = await runInTransaction(
      this.dataSource,
      async (manager) => {
        if (await this.categories.findByCode(dto.code, manager)) throw CategoryException.codeTaken(dto.code);
        const parent = dto.parent ? await this.resolve(dto.parent, manager) : null;
        if (dto.parent && !parent) throw CategoryException.unknownParent(dto.parent);
        const category = newCategory({
          code: dto.code,
          parentId: parent?.id ?? null,
          nameJa: dto.nameJa.trim(),
          nameEn: dto.nameEn.trim(),
          sortOrder: dto.sortOrder ?? 0,
        });
        await this.categories.insert(manager, category);
        return category;
      },
      { kb_category_code: () => CategoryException.codeTaken(dto.code) },
    );
    return toCategoryDto(created);
  }

  /** For the seeder: the category with this code, created when missing (parents must come first). */
  ensure(manager: EntityManager, input: CategoryInput): Promise<KbCategoryEntity> {
    return this.categories.insertIfMissing(manager, newCategory(input));
  }
}

function newCategory(input: CategoryInput): KbCategoryEntity {
  const at = new Date();
  return Object.assign(new KbCategoryEntity(), { id: randomUUID(), ...input, createdAt: at, updatedAt: at });
}
