import { APPROVAL_POLICIES, ApprovalPolicy } from '@helpdesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_FORM_FIELDS } from '../domain/form-schema';
import { MAX_TASK_TEMPLATES } from './create-catalog-item.dto';
import { FormFieldDto, TaskTemplateDto } from './form-field.dto';
import { IsPlainText, Trim } from './text-field.validators';

const sentAndNotNull = (field: keyof UpdateCatalogItemDto) => (o: UpdateCatalogItemDto) =>
  o[field] !== undefined && o[field] !== null;

/** Only the fields sent change; null clears the group fields. The code never changes (paths use it). */
export class UpdateCatalogItemDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsPlainText({ max: 200 })
  nameJa?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsPlainText({ max: 200 })
  nameEn?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsPlainText({ max: 4000, multiline: true })
  descriptionJa?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsPlainText({ max: 4000, multiline: true })
  descriptionEn?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsPlainText({ max: 100 })
  category?: string;

  @ApiPropertyOptional({ type: [FormFieldDto] })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_FORM_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  formSchema?: FormFieldDto[];

  @ApiPropertyOptional({ enum: APPROVAL_POLICIES })
  @IsOptionalButNotNull()
  @IsIn(APPROVAL_POLICIES, { message: `approvalPolicy must be one of ${APPROVAL_POLICIES.join(', ')}` })
  approvalPolicy?: ApprovalPolicy;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf(sentAndNotNull('approvalGroupId'))
  @IsUUID('all')
  approvalGroupId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(sentAndNotNull('approvalGroupName'))
  @Trim()
  @IsPlainText({ max: 100 })
  approvalGroupName?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf(sentAndNotNull('fulfilmentGroupId'))
  @IsUUID('all')
  fulfilmentGroupId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(sentAndNotNull('fulfilmentGroupName'))
  @Trim()
  @IsPlainText({ max: 100 })
  fulfilmentGroupName?: string | null;

  @ApiPropertyOptional({ type: [TaskTemplateDto] })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_TASK_TEMPLATES)
  @ValidateNested({ each: true })
  @Type(() => TaskTemplateDto)
  taskTemplates?: TaskTemplateDto[];

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;
}
