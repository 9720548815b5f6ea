import { SERVICE_REQUEST_STATES, ServiceRequestState } from '@helpdesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const bool = (name: string) => ({ message: `${name} must be true or false` });

export class ListServiceRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_REQUEST_STATES })
  @IsOptional()
  @IsIn(SERVICE_REQUEST_STATES, { message: `state must be one of ${SERVICE_REQUEST_STATES.join(', ')}` })
  state?: ServiceRequestState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  catalogItemId?: string;

  @ApiPropertyOptional({ example: 'hardware' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who submitted it' })
  @IsOptional()
  @IsUUID('all')
  requesterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who it is for' })
  @IsOptional()
  @IsUUID('all')
  requestedForId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  fulfilmentGroupId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Requests with an open task assigned to this person' })
  @IsOptional()
  @IsUUID('all')
  taskAssigneeId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only requests I submitted or that are for me' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(bool('mine'))
  mine?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only my groups’ fulfilment queue' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(bool('myGroups'))
  myGroups?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only requests waiting for my approval (as manager or group member)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(bool('awaitingMyApproval'))
  awaitingMyApproval?: boolean;

  @ApiPropertyOptional({ example: 'ノート', description: 'A request number, or part of the item’s name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsSingleLine()
  q?: string;
}
