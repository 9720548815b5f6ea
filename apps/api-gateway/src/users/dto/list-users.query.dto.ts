import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@helpdesk/contracts';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const toBooleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

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
  department?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBooleanQuery)
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
  q?: string;
}
