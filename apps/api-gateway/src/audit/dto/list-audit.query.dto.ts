import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_ENTITY_TYPES, AuditAction } from '../audit-action';

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Id of the user or group (the e-mail for account, the IP for address)' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  entityId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @IsOptional()
  @IsIn(Object.values(AuditAction))
  action?: string;

  @ApiPropertyOptional({ description: 'Id of the acting user' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;
}
