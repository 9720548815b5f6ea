import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { Role, ROLES } from '@helpdesk/contracts';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Users holding this role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '経理部' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSingleLine()
  department?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Members of this group' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string;

  @ApiPropertyOptional({ example: '山田', description: 'Part of a name (Japanese or English, spaces ignored) or e-mail' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSingleLine()
  q?: string;
}
