import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AttributeDataType } from '../attribute-definition.entity';

export const ATTRIBUTE_DATA_TYPES = ['string', 'number', 'boolean', 'date'] as const satisfies readonly AttributeDataType[];
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
export const ATTRIBUTE_LABEL_MAX = 100;

function IsLabel(field: string): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `${field} must be a string` }),
    IsNotBlank(),
    MaxLength(ATTRIBUTE_LABEL_MAX, { message: `${field} must be at most ${ATTRIBUTE_LABEL_MAX} characters` }),
    IsSingleLine(),
  );
}

export class CreateAttributeDefinitionDto {
  @ApiProperty({ example: 'memory_gb', description: 'snake_case, unique per type: the key in a CI\u2019s `attributes`' })
  @IsString({ message: 'key must be a string' })
  @Matches(ATTRIBUTE_KEY_PATTERN, {
    message: 'key must be snake_case: a lower-case letter, then lower-case letters, digits or _ (at most 50)',
  })
  key: string;

  @ApiProperty({ example: 'メモリ (GB)', maxLength: ATTRIBUTE_LABEL_MAX })
  @IsLabel('labelJa')
  labelJa: string;

  @ApiProperty({ example: 'Memory (GB)', maxLength: ATTRIBUTE_LABEL_MAX })
  @IsLabel('labelEn')
  labelEn: string;

  @ApiProperty({ enum: ATTRIBUTE_DATA_TYPES })
  @IsIn(ATTRIBUTE_DATA_TYPES, { message: `dataType must be one of ${ATTRIBUTE_DATA_TYPES.join(', ')}` })
  dataType: AttributeDataType;

  @ApiPropertyOptional({
    default: false,
    description: 'Enforced when a CI is created and when the attribute is edited; existing CIs stay valid',
  })
  @IsOptional()
  @IsBoolean({ message: 'required must be true or false' })
  required?: boolean;
}
