import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_TYPES, RELATIONSHIP_TYPES } from '@helpdesk/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RelatedCiDto } from './relationship.dto';

export const IMPACT_DIRECTIONS = ['upstream', 'downstream'] as const;
export type ImpactDirection = (typeof IMPACT_DIRECTIONS)[number];
export const DEFAULT_IMPACT_DEPTH = 10;
export const MAX_IMPACT_DEPTH = 50;
export const DEFAULT_IMPACT_LIMIT = 1000;
export const MAX_IMPACT_LIMIT = 10_000;

const commaList = (values: readonly string[]) => new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`);

export class ImpactQueryDto {
  @ApiProperty({
    enum: IMPACT_DIRECTIONS,
    description:
      'upstream: what (transitively) depends on this CI, edges followed backwards (what breaks when it fails); ' +
      'downstream: what this CI needs, edges followed forwards',
  })
  @IsIn(IMPACT_DIRECTIONS, { message: 'direction must be upstream or downstream' })
  direction: ImpactDirection;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_IMPACT_DEPTH, default: DEFAULT_IMPACT_DEPTH, description: 'Hops at most' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxDepth must be a whole number' })
  @Min(1, { message: 'maxDepth must be at least 1' })
  @Max(MAX_IMPACT_DEPTH, { message: `maxDepth must be at most ${MAX_IMPACT_DEPTH}` })
  maxDepth?: number;

  @ApiPropertyOptional({
    description: `Follow only these relationship types (comma-separated: ${RELATIONSHIP_TYPES.join(', ')}); default all`,
    example: 'depends_on,runs_on,connected_to',
  })
  @IsOptional()
  @Matches(commaList(RELATIONSHIP_TYPES), {
    message: `types must be a comma-separated list of ${RELATIONSHIP_TYPES.join(', ')}`,
  })
  types?: string;

  @ApiPropertyOptional({
    description: 'Answer only CIs of these types (comma-separated); the walk still goes through every type',
    example: 'business_service',
  })
  @IsOptional()
  @Matches(commaList(CI_TYPES), { message: `ciType must be a comma-separated list of ${CI_TYPES.join(', ')}` })
  ciType?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_IMPACT_LIMIT,
    default: DEFAULT_IMPACT_LIMIT,
    description: 'Items at most (nearest first); count is always the whole number reached',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_IMPACT_LIMIT, { message: `limit must be at most ${MAX_IMPACT_LIMIT}` })
  limit?: number;
}

export class ImpactItemDto extends RelatedCiDto {
  @ApiProperty({ description: 'Hops from the CI asked about, on the shortest path' }) depth: number;
  @ApiProperty({
    type: [String],
    description: 'CI numbers of one shortest path, from the CI asked about to this one',
    example: ['CI-00042', 'CI-00108', 'CI-00007'],
  })
  path: string[];
}

export class ImpactDto {
  @ApiProperty({ type: RelatedCiDto, description: 'The CI asked about' }) ci: RelatedCiDto;
  @ApiProperty({ enum: IMPACT_DIRECTIONS }) direction: ImpactDirection;
  @ApiProperty() maxDepth: number;
  @ApiProperty({ description: 'CIs reached (of the asked types), each once' }) count: number;
  @ApiProperty({ type: [ImpactItemDto], description: 'Nearest first, then by number; at most limit' }) items: ImpactItemDto[];
}
