import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AssetImportQueryDto {
  @ApiPropertyOptional({ description: 'Check only: every problem of every row and the counts; nothing is written' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Name recorded on the job for a text/csv body (a multipart upload carries its own)' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @IsSingleLine()
  fileName?: string;
}
