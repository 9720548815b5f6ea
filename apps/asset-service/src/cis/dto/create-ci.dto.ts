import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_TYPES } from '@helpdesk/contracts';
import { Allow } from 'class-validator';
import { CREATABLE_STATES } from '../domain/ci-lifecycle';
import { CiFieldsDto } from './ci-fields.dto';

export class CreateCiDto extends CiFieldsDto {
  @ApiProperty({ enum: CI_TYPES })
  @Allow()
  type?: string;

  @ApiProperty({ example: 'ThinkPad X1 Carbon (山田)', maxLength: 200 })
  @Allow()
  declare name?: string;

  @ApiPropertyOptional({ enum: CREATABLE_STATES, default: 'in_stock' })
  @Allow()
  state?: string;
}
