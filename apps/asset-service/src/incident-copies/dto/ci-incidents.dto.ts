import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CiIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC0001234' }) number: string;
  @ApiProperty() shortDescription: string;
  @ApiProperty({ example: 'in_progress' }) state: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) priority: number;
  @ApiProperty() openedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) callerId: string | null;
  @ApiProperty({ description: 'The CI as written on the incident (number or id, any case)' }) ciRef: string;
}

export class CiIncidentsPageDto {
  @ApiProperty({ type: [CiIncidentDto], description: 'Newest opened first' }) items: CiIncidentDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `?cursor=` for the next page; null on the last page' })
  nextCursor: string | null;
  @ApiProperty({
    description:
      'At least `problematicThreshold` incidents (not cancelled) opened within `window` before now ' +
      '(PROBLEMATIC_CI_INCIDENTS, PROBLEMATIC_CI_WINDOW)',
  })
  problematic: boolean;
  @ApiProperty({ description: 'Incidents that count towards the rule: opened within the window, not cancelled' })
  incidentsInWindow: number;
  @ApiProperty({ example: 3 }) problematicThreshold: number;
  @ApiProperty({ example: '30d' }) window: string;
}
