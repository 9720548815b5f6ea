import { ApiProperty } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({ example: 'department' })
  field: string;

  @ApiProperty({ required: false, nullable: true, description: 'Value before (absent for secrets)', example: '経理部' })
  from?: unknown;

  @ApiProperty({ required: false, nullable: true, description: 'Value after (absent for secrets)', example: '人事部' })
  to?: unknown;

  @ApiProperty({ required: false, description: 'True for secrets (passwords): only the fact of the change is kept' })
  redacted?: true;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'User id, a system name, or null for an anonymous caller' })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'admin' })
  actorRole: string | null;

  @ApiProperty({
    example: 'user.updated',
    description: 'e.g. user.created, user.updated, user.deactivated, group.members_changed, auth.login_failed',
  })
  action: string;

  @ApiProperty({ example: 'user', enum: ['user', 'group', 'account', 'address'] })
  entityType: string;

  @ApiProperty({ nullable: true, type: String })
  entityId: string | null;

  @ApiProperty({ type: [FieldChangeDto] })
  changes: FieldChangeDto[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Client address, e-mail tried, reason…' })
  context: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String })
  correlationId: string | null;
}
