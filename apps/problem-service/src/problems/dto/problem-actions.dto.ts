import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsLongText, IsRequiredText, VersionedDto } from './problem-fields';

export class StartProblemDto extends VersionedDto {}

/** Publishing a known error: root cause and workaround, given here or already on the problem. */
export class PublishKnownErrorDto extends VersionedDto {
  @ApiPropertyOptional({ description: 'Required unless the problem already has one' })
  @IsOptional()
  @IsRequiredText('rootCause')
  rootCause?: string;

  @ApiPropertyOptional({ description: 'Required unless the problem already has one' })
  @IsOptional()
  @IsRequiredText('workaround')
  workaround?: string;
}

export class ResolveProblemDto extends VersionedDto {
  @ApiProperty({ description: 'The permanent fix that was made', example: 'VPN ゲートウェイの証明書チェーンを修正' })
  @IsRequiredText('resolutionNotes', 5000)
  resolutionNotes: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true: the incident service resolves the open linked incidents itself (code resolved_by_problem); ' +
      'false: it proposes their resolution to agents, who confirm in bulk',
  })
  @IsOptional()
  @IsBoolean({ message: 'resolveLinkedIncidents must be true or false' })
  resolveLinkedIncidents?: boolean;

  @ApiPropertyOptional({ description: 'Required unless the problem already has one' })
  @IsOptional()
  @IsRequiredText('rootCause')
  rootCause?: string;
}

export class CloseProblemDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsLongText('notes', 5000)
  notes?: string;
}
