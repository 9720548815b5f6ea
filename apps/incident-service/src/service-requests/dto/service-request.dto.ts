import { APPROVAL_POLICIES, ApprovalPolicy, SERVICE_REQUEST_STATES, ServiceRequestState } from '@helpdesk/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class FulfilmentTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1, description: 'Position in the task list' })
  seq: number;

  @ApiProperty({ example: 'ソフトウェアのインストール' })
  titleJa: string;

  @ApiProperty({ example: 'Install the software' })
  titleEn: string;

  @ApiProperty({ enum: ['open', 'done', 'skipped'] })
  state: 'open' | 'done' | 'skipped';

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assigneeId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  completedById: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;
}

export class ApprovalDecisionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  decision: 'approved' | 'rejected';

  @ApiProperty({ format: 'uuid' })
  approverId: string;

  @ApiProperty({ nullable: true, type: String })
  approverName: string | null;

  @ApiProperty({ enum: ['manager', 'group'] })
  via: 'manager' | 'group';

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

/** A service request as the API shows it (the same shape as the request.* events' snapshot). */
export class ServiceRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'REQ0000042' })
  number: string;

  @ApiProperty({ example: 3, description: 'Optimistic lock: send it back (or as If-Match) with an action' })
  version: number;

  @ApiProperty({ enum: SERVICE_REQUEST_STATES })
  state: ServiceRequestState;

  @ApiProperty({ format: 'uuid' })
  catalogItemId: string;

  @ApiProperty({ example: 'software-install' })
  catalogItemCode: string;

  @ApiProperty()
  catalogItemNameJa: string;

  @ApiProperty()
  catalogItemNameEn: string;

  @ApiProperty({ example: 'software' })
  category: string;

  @ApiProperty({ format: 'uuid', description: 'Who submitted it' })
  requesterId: string;

  @ApiProperty({ nullable: true, type: String })
  requesterName: string | null;

  @ApiProperty({ format: 'uuid', description: 'Who it is for' })
  requestedForId: string;

  @ApiProperty({ nullable: true, type: String })
  requestedForName: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestedForDepartment: string | null;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Answers to the item’s form' })
  form: Record<string, unknown>;

  @ApiProperty({ enum: APPROVAL_POLICIES })
  approvalPolicy: ApprovalPolicy;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The manager who must approve' })
  approverId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The group any member of which may approve' })
  approvalGroupId: string | null;

  @ApiProperty({ nullable: true, type: String })
  approvalGroupName: string | null;

  @ApiProperty({ type: ApprovalDecisionDto, nullable: true })
  approval: ApprovalDecisionDto | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  fulfilmentGroupId: string | null;

  @ApiProperty({ nullable: true, type: String })
  fulfilmentGroupName: string | null;

  @ApiProperty({ type: [FulfilmentTaskDto] })
  tasks: FulfilmentTaskDto[];

  @ApiProperty({ nullable: true, type: String })
  cancelReason: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  approvalRequestedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  approvedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  rejectedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  fulfilmentStartedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  fulfilledAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
