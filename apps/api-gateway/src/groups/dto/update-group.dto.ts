import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Min, ValidateIf } from 'class-validator';
import { IsNameText, Trim } from '../../users/dto/user-field.validators';

/** Only the fields sent change; null clears a nullable field and is a 400 on the others. Members change with PUT /groups/{id}/members. */
export class UpdateGroupDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsNameText({ maxLength: 100 })
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Trim()
  @IsNameText({ maxLength: 100, nullable: true })
  nameJa?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Trim()
  @IsNameText({ maxLength: 2000, nullable: true })
  description?: string | null;

  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptionalButNotNull()
  @IsIn([1, 2], { message: 'tier must be 1 (service desk) or 2 (specialist group)' })
  tier?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((o: UpdateGroupDto) => o.supervisorId !== undefined && o.supervisorId !== null)
  @IsUUID('all')
  supervisorId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;
}
