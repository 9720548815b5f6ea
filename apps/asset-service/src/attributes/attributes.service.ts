import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CI_TYPES, CiType } from '@helpdesk/contracts';
import { runInTransaction, snakeCase } from '@helpdesk/database';
import { DataSource, EntityManager } from 'typeorm';
import { CI_FIELDS, isCiType } from '../cis/domain/ci-type-rules';
import { AttributeDefinitionEntity } from './attribute-definition.entity';
import { toAttributeDefinitionDto, toCiTypeDto } from './attribute-view.mapper';
import { AttributeException } from './attribute.exception';
import { AttributesRepository } from './attributes.repository';
import { AttributeDefinitionDto, CiTypeDto } from './dto/ci-type.dto';
import { CreateAttributeDefinitionDto } from './dto/create-attribute-definition.dto';

/**
 * Keys a custom attribute may not take: the built-in fields in the snake_case a CSV header or a report
 * column would use, so `asset_tag` can never mean two things.
 */
export const RESERVED_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'number',
  'type',
  'name',
  'state',
  'version',
  'attributes',
  ...CI_FIELDS.map(snakeCase),
  'assigned_to',
  'assigned_to_id',
  'assigned_to_name',
  'assigned_at',
  'department',
  'created_by_id',
  'created_at',
  'updated_at',
]);

/** Custom attributes per CI type, defined at run time by admins and asset managers (no code change). */
@Injectable()
export class AttributesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: AttributesRepository,
  ) {}

  /** A type's definitions, for validating CIs of that type (checkCiInput); pass the manager inside a transaction. */
  definitionsFor(type: CiType, manager?: EntityManager): Promise<AttributeDefinitionEntity[]> {
    return this.definitions.definitionsFor(type, manager);
  }

  async types(): Promise<CiTypeDto[]> {
    const all = await this.definitions.all();
    return CI_TYPES.map((type) => toCiTypeDto(type, all));
  }

  async list(type: string): Promise<AttributeDefinitionDto[]> {
    return (await this.definitions.definitionsFor(this.typeOrThrow(type))).map(toAttributeDefinitionDto);
  }

  async create(type: string, dto: CreateAttributeDefinitionDto): Promise<AttributeDefinitionDto> {
    const ciType = this.typeOrThrow(type);
    if (RESERVED_ATTRIBUTE_KEYS.has(dto.key)) throw AttributeException.badField('key', 'is a built-in field of CIs');
    const at = new Date();
    const definition = Object.assign(new AttributeDefinitionEntity(), {
      id: randomUUID(),
      ciType,
      key: dto.key,
      labelJa: dto.labelJa.trim(),
      labelEn: dto.labelEn.trim(),
      dataType: dto.dataType,
      required: dto.required ?? false,
      createdAt: at,
      updatedAt: at,
    });
    const saved = await runInTransaction(this.dataSource, (m) => this.definitions.insert(m, definition), {
      asset_attribute_definition_key: () => AttributeException.duplicateKey(ciType, dto.key),
    });
    return toAttributeDefinitionDto(saved);
  }

  private typeOrThrow(type: string): CiType {
    if (!isCiType(type)) throw AttributeException.typeNotFound(type);
    return type;
  }
}
