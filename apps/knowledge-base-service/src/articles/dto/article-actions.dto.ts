import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** submit / publish: an optional note for the version history. */
export class ArticleActionDto {
  @ApiPropertyOptional({ description: 'The version you read (or send If-Match); stale → 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsMultiLineText()
  note?: string;
}

/** Sending an article in review back to its author needs a reason they can act on. */
export class RejectArticleDto extends ArticleActionDto {
  @ApiProperty({ example: '手順 3 のスクリーンショットが古いので差し替えてください', maxLength: 1000 })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(1000)
  @IsMultiLineText()
  reason: string;
}

export class RetireArticleDto extends ArticleActionDto {
  @ApiPropertyOptional({ example: 'Replaced by KB0000123 after the VPN client upgrade', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsMultiLineText()
  reason?: string;
}
