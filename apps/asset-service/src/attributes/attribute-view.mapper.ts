import type { CiType } from '@helpdesk/contracts';
import { ciTypeFieldRules, isAssignableType, isHardware } from '../cis/domain/ci-type-rules';
import { AttributeDefinitionEntity } from './attribute-definition.entity';
import { AttributeDefinitionDto, CiTypeDto } from './dto/ci-type.dto';

export function toAttributeDefinitionDto(d: AttributeDefinitionEntity): AttributeDefinitionDto {
  return {
    id: d.id,
    ciType: d.ciType,
    key: d.key,
    labelJa: d.labelJa,
    labelEn: d.labelEn,
    dataType: d.dataType,
    required: d.required,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toCiTypeDto(type: CiType, definitions: readonly AttributeDefinitionEntity[]): CiTypeDto {
  return {
    type,
    hardware: isHardware(type),
    assignable: isAssignableType(type),
    fields: ciTypeFieldRules(type),
    attributes: definitions.filter((d) => d.ciType === type).map(toAttributeDefinitionDto),
  };
}
