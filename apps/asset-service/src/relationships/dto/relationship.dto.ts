import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CI_TYPES, CiState, CiType, RELATIONSHIP_TYPES, RelationshipType } from '@helpdesk/contracts';
import { IsNotBlank, IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const RELATIONSHIP_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type RelationshipDirection = (typeof RELATIONSHIP_DIRECTIONS)[number];

export class AddRelationshipDto {
  @ApiProperty({
    enum: RELATIONSHIP_TYPES,
    description:
      'This CI (the source) <type> the target. installed_on: a software installation on a laptop, desktop, server, ' +
      'phone or tablet; runs_on: a server, software or business service on a server; connected_to: hardware to ' +
      'hardware; depends_on and used_by: any two CIs.',
    example: 'depends_on',
  })
  @IsIn(RELATIONSHIP_TYPES, { message: `type must be one of ${RELATIONSHIP_TYPES.join(', ')}` })
  type: RelationshipType;

  @ApiProperty({ description: 'The target CI: UUID or number', example: 'CI-00042' })
  @IsString({ message: 'targetId must be a string (UUID or CI number)' })
  @IsNotBlank()
  @MaxLength(40, { message: 'targetId must be a UUID or a CI number' })
  @IsSingleLine()
  targetId: string;
}

export class ListRelationshipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RELATIONSHIP_DIRECTIONS, description: 'Only edges from this CI (outgoing) or to it (incoming)' })
  @IsOptional()
  @IsIn(RELATIONSHIP_DIRECTIONS, { message: 'direction must be outgoing or incoming' })
  direction?: RelationshipDirection;

  @ApiPropertyOptional({ enum: RELATIONSHIP_TYPES })
  @IsOptional()
  @IsIn(RELATIONSHIP_TYPES, { message: `type must be one of ${RELATIONSHIP_TYPES.join(', ')}` })
  type?: RelationshipType;
}

/** The CI at the other end of an edge, or a CI an impact walk reached. */
export class RelatedCiDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
}

export class RelationshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RELATIONSHIP_TYPES }) type: RelationshipType;
  @ApiProperty({
    enum: RELATIONSHIP_DIRECTIONS,
    description: 'outgoing: this CI <type> ci; incoming: ci <type> this CI',
  })
  direction: RelationshipDirection;
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: RelatedCiDto, description: 'The CI at the other end' }) ci: RelatedCiDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() createdById: string;
}
