import { Injectable } from '@nestjs/common';
import type { CiType } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AttributeDefinitionEntity } from './attribute-definition.entity';

/** The only place that reads and writes custom attribute definitions. */
@Injectable()
export class AttributesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A type's definitions, oldest first (the order people added them, which forms show). */
  definitionsFor(type: CiType, manager: EntityManager = this.dataSource.manager): Promise<AttributeDefinitionEntity[]> {
    return manager
      .getRepository(AttributeDefinitionEntity)
      .find({ where: { ciType: type }, order: { createdAt: 'ASC', key: 'ASC' } });
  }

  all(manager: EntityManager = this.dataSource.manager): Promise<AttributeDefinitionEntity[]> {
    return manager.getRepository(AttributeDefinitionEntity).find({ order: { ciType: 'ASC', createdAt: 'ASC', key: 'ASC' } });
  }

  async insert(manager: EntityManager, definition: AttributeDefinitionEntity): Promise<AttributeDefinitionEntity> {
    await manager.getRepository(AttributeDefinitionEntity).insert(definition);
    return definition;
  }
}
