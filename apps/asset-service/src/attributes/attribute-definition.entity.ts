import type { CiType } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AttributeDataType = 'string' | 'number' | 'boolean' | 'date';

/** A custom attribute of one CI type, defined by an admin at run time (no code change). */
@Entity({ name: 'asset_attribute_definition' })
export class AttributeDefinitionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  ciType: CiType;

  /** snake_case key in CiEntity.attributes */
  @Column('text')
  key: string;

  @Column('text')
  labelJa: string;

  @Column('text')
  labelEn: string;

  @Column('text')
  dataType: AttributeDataType;

  @Column('boolean')
  required: boolean;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
