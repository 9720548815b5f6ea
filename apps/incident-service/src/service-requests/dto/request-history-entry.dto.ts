import { ApiProperty } from '@nestjs/swagger';

export class RequestFieldChangeDto {
  @ApiProperty({ example: 'state' })
  field: string;

  @ApiProperty({ nullable: true, description: 'The value before (any JSON)' })
  from: unknown;

  @ApiProperty({ nullable: true, description: 'The value after (any JSON)' })
  to: unknown;
}

export class RequestHistoryEntryDto {
  @ApiProperty({ example: '42' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'employee' })
  actorRole: string | null;

  @ApiProperty({ example: 'approved' })
  action: string;

  @ApiProperty({ type: [RequestFieldChangeDto] })
  changes: RequestFieldChangeDto[];

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ description: 'The request’s version after this change' })
  version: number;
}
