import { ApiProperty } from '@nestjs/swagger';
import { CI_TYPES, CiType } from '@helpdesk/contracts';
import { CI_FIELDS } from '../../cis/domain/ci-type-rules';
import { ATTRIBUTE_DATA_TYPES } from './create-attribute-definition.dto';

export class AttributeDefinitionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CI_TYPES }) ciType: CiType;
  @ApiProperty({ example: 'memory_gb' }) key: string;
  @ApiProperty({ example: 'メモリ (GB)' }) labelJa: string;
  @ApiProperty({ example: 'Memory (GB)' }) labelEn: string;
  @ApiProperty({ enum: ATTRIBUTE_DATA_TYPES }) dataType: string;
  @ApiProperty() required: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CiTypeFieldDto {
  @ApiProperty({ enum: ['name', ...CI_FIELDS] }) field: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ example: 'date YYYY-MM-DD' }) format: string;
}

export class CiTypeDto {
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ description: 'Hardware (has an asset tag, serial, warranty…)' }) hardware: boolean;
  @ApiProperty({ description: 'Can be assigned to a person (hardware, SaaS accounts)' }) assignable: boolean;
  @ApiProperty({ type: [CiTypeFieldDto], description: 'The built-in fields the type takes; others do not apply' })
  fields: CiTypeFieldDto[];
  @ApiProperty({ type: [AttributeDefinitionDto], description: 'Custom attributes defined for the type' })
  attributes: AttributeDefinitionDto[];
}
