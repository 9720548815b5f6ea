import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class CreateKbCategoryDto {
  @ApiProperty({ example: 'network.vpn', description: 'Lower-case letters, digits, `.`, `_` and `-`' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,79}$/, {
    message: 'code must be 1–80 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  code: string;

  @ApiPropertyOptional({ description: 'Parent category (UUID or code); omit for a top-level category' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsSingleLine()
  parent?: string;

  @ApiProperty({ example: 'VPN・リモート接続' })
  @IsString()
  @IsNotEmpty({ message: 'nameJa must not be empty' })
  @Matches(/\S/, { message: 'nameJa must not be blank' })
  @MaxLength(100)
  @IsSingleLine()
  nameJa: string;

  @ApiProperty({ example: 'VPN and remote access' })
  @IsString()
  @IsNotEmpty({ message: 'nameEn must not be empty' })
  @Matches(/\S/, { message: 'nameEn must not be blank' })
  @MaxLength(100)
  @IsSingleLine()
  nameEn: string;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}
