import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import { IsString, MaxLength } from 'class-validator';

export class LinkIncidentDto {
  @ApiProperty({ description: 'The incident: UUID or INC number', example: 'INC0001234' })
  @IsString({ message: 'incident must be a string (UUID or INC number)' })
  @IsNotBlank()
  @MaxLength(40, { message: 'incident must be a UUID or an INC number' })
  @IsSingleLine()
  incident: string;
}

export class LinkedIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC0001234' }) number: string;
  @ApiProperty() shortDescription: string;
  @ApiProperty() state: string;
  @ApiProperty() priority: number;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiPropertyOptional({ nullable: true }) ciId: string | null;
  @ApiProperty() openedAt: string;
  @ApiPropertyOptional({ nullable: true }) linkedAt: string | null;
}
