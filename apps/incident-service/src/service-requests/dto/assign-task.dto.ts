import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { RequestActionDto } from './request-action.dto';

export class AssignTaskDto extends RequestActionDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null takes the task back to the queue' })
  @ValidateIf((o: AssignTaskDto) => o.assigneeId !== null)
  @IsUUID('all', { message: 'assigneeId must be a user id (UUID) or null' })
  assigneeId: string | null;
}
