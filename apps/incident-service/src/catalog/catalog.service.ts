import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { runInTransaction } from '@helpdesk/database';
import { ApiErrorDetail, decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CatalogException } from './catalog.exception';
import { toCatalogItemDto } from './catalog-item.mapper';
import { CatalogRepository } from './catalog.repository';
import { describeFormSchemaProblems, FormField } from './domain/form-schema';
import { CatalogItemDto } from './dto/catalog-item.dto';
import { CreateCatalogItemDto } from './dto/create-catalog-item.dto';
import { ListCatalogQueryDto } from './dto/list-catalog.query.dto';
import { UpdateCatalogItemDto } from './dto/update-catalog-item.dto';
import { CatalogItemEntity } from './entities/catalog-item.entity';

const isAdmin = (p: Principal) => p.roles.includes('admin');

/** The request catalog: everyone signed in reads the active items; admins also see retired ones and edit. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
  ) {}

  async list(query: ListCatalogQueryDto, principal: Principal): Promise<Page<CatalogItemDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { s: 'number', c: 'string' });
    const rows = await this.catalog.find({
      activeOnly: !(query.includeInactive && isAdmin(principal)),
      category: query.category,
      q: query.q,
      after: cursor ? { sortOrder: cursor.s, code: cursor.c } : undefined,
      limit,
    });
    return toPage(rows, limit, (c) => ({ s: c.sortOrder, c: c.code }), toCatalogItemDto);
  }

  /** A retired item is visible to admins only (404 for the rest, as for anything they may not see). */
  async get(idOrCode: string, principal: Principal): Promise<CatalogItemEntity> {
    const item = await this.catalog.findByIdOrCode(idOrCode);
    if (!item || (!item.active && !isAdmin(principal))) throw CatalogException.notFound(idOrCode);
    return item;
  }

  /** The active item a request is for, read inside the submitting transaction; null when there is none. */
  async findRequestable(idOrCode: string, manager: EntityManager): Promise<CatalogItemEntity | null> {
    const item = await this.catalog.findByIdOrCode(idOrCode, manager);
    return item?.active ? item : null;
  }

  /** The item a request was submitted for, retired or not (its task templates still apply). */
  findForFulfilment(id: string, manager: EntityManager): Promise<CatalogItemEntity | null> {
    return this.catalog.findByIdOrCode(id, manager);
  }

  create(dto: CreateCatalogItemDto): Promise<CatalogItemEntity> {
    const approval = approvalGroupOf(dto.approvalPolicy, dto.approvalGroupId ?? null, dto.approvalGroupName ?? null);
    assertSchema(dto.formSchema);
    return this.inTransaction(async (manager) => {
      if (await this.catalog.findByCode(dto.code, manager)) throw CatalogException.codeTaken(dto.code);
      const now = new Date();
      const item = Object.assign(new CatalogItemEntity(), {
        id: uuidv7(),
        code: dto.code,
        nameJa: dto.nameJa,
        nameEn: dto.nameEn,
        descriptionJa: dto.descriptionJa ?? '',
        descriptionEn: dto.descriptionEn ?? '',
        category: dto.category,
        formSchema: normaliseSchema(dto.formSchema),
        approvalPolicy: dto.approvalPolicy,
        ...approval,
        fulfilmentGroupId: dto.fulfilmentGroupId ?? null,
        fulfilmentGroupName: dto.fulfilmentGroupName ?? null,
        taskTemplates: dto.taskTemplates.map((t) => ({ titleJa: t.titleJa, titleEn: t.titleEn })),
        active: dto.active ?? true,
        sortOrder: dto.sortOrder ?? 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      } satisfies CatalogItemEntity);
      await this.catalog.insert(item, manager);
      return item;
    }, dto.code);
  }

  update(idOrCode: string, dto: UpdateCatalogItemDto, expectedVersion: number | undefined): Promise<CatalogItemEntity> {
    if (dto.formSchema) assertSchema(dto.formSchema);
    return this.inTransaction(async (manager) => {
      const item = await this.catalog.findByIdOrCode(idOrCode, manager, true);
      if (!item) throw CatalogException.notFound(idOrCode);
      if (expectedVersion !== undefined && expectedVersion !== item.version)
        throw CatalogException.staleVersion(expectedVersion, item.version);
      const policy = dto.approvalPolicy ?? item.approvalPolicy;
      const approval = approvalGroupOf(
        policy,
        dto.approvalGroupId !== undefined ? dto.approvalGroupId : item.approvalGroupId,
        dto.approvalGroupName !== undefined ? dto.approvalGroupName : item.approvalGroupName,
      );
      const next: CatalogItemEntity = {
        ...item,
        nameJa: dto.nameJa ?? item.nameJa,
        nameEn: dto.nameEn ?? item.nameEn,
        descriptionJa: dto.descriptionJa ?? item.descriptionJa,
        descriptionEn: dto.descriptionEn ?? item.descriptionEn,
        category: dto.category ?? item.category,
        formSchema: dto.formSchema ? normaliseSchema(dto.formSchema) : item.formSchema,
        approvalPolicy: policy,
        ...approval,
        fulfilmentGroupId: dto.fulfilmentGroupId !== undefined ? dto.fulfilmentGroupId : item.fulfilmentGroupId,
        fulfilmentGroupName: dto.fulfilmentGroupName !== undefined ? dto.fulfilmentGroupName : item.fulfilmentGroupName,
        taskTemplates: dto.taskTemplates
          ? dto.taskTemplates.map((t) => ({ titleJa: t.titleJa, titleEn: t.titleEn }))
          : item.taskTemplates,
        active: dto.active ?? item.active,
        sortOrder: dto.sortOrder ?? item.sortOrder,
      };
      if (JSON.stringify({ ...next, updatedAt: null }) === JSON.stringify({ ...item, updatedAt: null })) return item;
      next.version = item.version + 1;
      next.updatedAt = new Date();
      const entity = Object.assign(new CatalogItemEntity(), next);
      await this.catalog.save(entity, manager);
      return entity;
    });
  }

  /** A race on the unique code becomes the 409 the check above gives, not a 500. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>, code = ''): Promise<T> {
    return runInTransaction(this.dataSource, work, { catalog_item_code: () => CatalogException.codeTaken(code) });
  }
}

/** A group policy needs the group (id or name); other policies carry none. */
function approvalGroupOf(
  policy: string,
  id: string | null,
  name: string | null,
): Pick<CatalogItemEntity, 'approvalGroupId' | 'approvalGroupName'> {
  if (policy !== 'group') return { approvalGroupId: null, approvalGroupName: null };
  if (!id && !name) {
    throw CatalogException.badSchema([
      { field: 'approvalGroupName', reason: 'approvalGroupName or approvalGroupId is required when approvalPolicy is group' },
    ]);
  }
  return { approvalGroupId: id, approvalGroupName: name };
}

function assertSchema(fields: FormField[]): void {
  const problems: ApiErrorDetail[] = describeFormSchemaProblems(fields);
  if (problems.length) throw CatalogException.badSchema(problems);
}

/** Keeps only the schema's own keys (class instances from the DTO become plain JSON). */
function normaliseSchema(fields: FormField[]): FormField[] {
  return fields.map((f) => ({
    key: f.key,
    type: f.type,
    labelJa: f.labelJa,
    labelEn: f.labelEn,
    required: f.required,
    ...(f.options ? { options: f.options.map((o) => ({ value: o.value, labelJa: o.labelJa, labelEn: o.labelEn })) } : {}),
    ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
  }));
}
