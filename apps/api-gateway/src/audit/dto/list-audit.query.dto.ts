import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AUDIT_ENTITY_TYPES, AuditAction } from '../audit-action';

/** entityId: a UUID, an e-mail as typed at sign-in or an IP address: printable, no spaces or control characters. */
const ENTITY_ID = /^[^\s\p{C}]+$/u;
/** actorId: a user's UUID or a system name such as api-gateway:demo-seed. */
const ACTOR_ID = /^[A-Za-z0-9._:-]+$/;

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Id of the user or group (the e-mail for account, the IP for address)' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  @Matches(ENTITY_ID, { message: 'entityId must be an id, e-mail address or IP address (no spaces or control characters)' })
  entityId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @IsOptional()
  @IsIn(Object.values(AuditAction))
  action?: string;

  @ApiPropertyOptional({ description: 'Id of the acting user (or a system name such as api-gateway:demo-seed)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(ACTOR_ID, { message: 'actorId must be a user id or a system name (letters, digits, . _ : -)' })
  actorId?: string;
}
