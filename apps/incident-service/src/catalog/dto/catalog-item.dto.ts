import { APPROVAL_POLICIES, ApprovalPolicy } from '@helpdesk/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { FormFieldDto, TaskTemplateDto } from './form-field.dto';

export class CatalogItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'software-install', description: 'Usable in paths instead of the id' })
  code: string;

  @ApiProperty({ example: 'ソフトウェアのインストール' })
  nameJa: string;

  @ApiProperty({ example: 'Software install' })
  nameEn: string;

  @ApiProperty()
  descriptionJa: string;

  @ApiProperty()
  descriptionEn: string;

  @ApiProperty({ example: 'software' })
  category: string;

  @ApiProperty({ type: [FormFieldDto], description: 'The form a request answers in `form`' })
  formSchema: FormFieldDto[];

  @ApiProperty({ enum: APPROVAL_POLICIES, description: 'none, the manager of the person the request is for, or a group' })
  approvalPolicy: ApprovalPolicy;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  approvalGroupId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Identity & Access' })
  approvalGroupName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  fulfilmentGroupId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Desktop Support' })
  fulfilmentGroupName: string | null;

  @ApiProperty({ type: [TaskTemplateDto], description: 'Fulfilment tasks, in order' })
  taskTemplates: TaskTemplateDto[];

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  sortOrder: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back (or as If-Match) when changing the item' })
  version: number;
}
