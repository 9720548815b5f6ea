import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ListGroupsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2], { message: 'tier must be 1 or 2' })
  tier?: number;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Groups this user belongs to' })
  @IsOptional()
  @IsUUID('all')
  memberId?: string;

  @ApiPropertyOptional({ example: 'ネットワーク', description: 'Part of the English or Japanese name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsSingleLine()
  q?: string;
}
