import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListCatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'hardware' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ example: 'パスワード', description: 'Part of the Japanese or English name or description' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsSingleLine()
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Admins only: include retired items' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'includeInactive must be true or false' })
  includeInactive?: boolean;
}
