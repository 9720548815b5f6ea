import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CiFieldsDto } from './ci-fields.dto';
import { IsCiVersion } from './ci-version';

/** Fields to change; what is left out stays, null clears. Type and state are not edited here. */
export class UpdateCiDto extends CiFieldsDto {
  @IsCiVersion()
  version?: number;

  @ApiPropertyOptional({ description: 'Cannot change; accepted only when it is the CI\u2019s type' })
  @Allow()
  type?: string;

  @ApiPropertyOptional({ description: 'Changes through POST /assets/{id}/transition, assign and unassign' })
  @Allow()
  state?: string;
}
