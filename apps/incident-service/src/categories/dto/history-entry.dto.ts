import { ApiProperty } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({ example: 'active' })
  field: string;

  @ApiProperty({ description: 'Value before (null for a new record)', nullable: true })
  from: unknown;

  @ApiProperty({ description: 'Value after', nullable: true })
  to: unknown;
}

/** One audited change of reference data (a category or a routing rule). */
export class HistoryEntryDto {
  @ApiProperty({ example: '42' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'User id, or a system actor such as incident-service:seed' })
  actorId: string;

  @ApiProperty({ example: 'admin' })
  actorRole: string;

  @ApiProperty({ example: 'updated', description: 'created, updated, deactivated, deleted' })
  action: string;

  @ApiProperty({ type: [FieldChangeDto] })
  changes: FieldChangeDto[];

  @ApiProperty({ description: 'The version after this change' })
  version: number;
}
