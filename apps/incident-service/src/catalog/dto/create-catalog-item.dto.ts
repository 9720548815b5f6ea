import { APPROVAL_POLICIES, ApprovalPolicy } from '@helpdesk/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_FORM_FIELDS } from '../domain/form-schema';
import { FormFieldDto, TaskTemplateDto } from './form-field.dto';
import { IsPlainText, Trim } from './text-field.validators';

export const CATALOG_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_TASK_TEMPLATES = 20;

export class CreateCatalogItemDto {
  @ApiProperty({ example: 'monitor-request', pattern: CATALOG_CODE_PATTERN.source })
  @Matches(CATALOG_CODE_PATTERN, { message: 'code must be lower-case words joined by hyphens (e.g. new-laptop)' })
  @Matches(/^.{1,60}$/, { message: 'code must be at most 60 characters' })
  code: string;

  @ApiProperty({ example: 'モニターの追加' })
  @Trim()
  @IsPlainText({ max: 200 })
  nameJa: string;

  @ApiProperty({ example: 'Extra monitor' })
  @Trim()
  @IsPlainText({ max: 200 })
  nameEn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 4000, multiline: true })
  descriptionJa?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 4000, multiline: true })
  descriptionEn?: string;

  @ApiProperty({ example: 'hardware' })
  @Trim()
  @IsPlainText({ max: 100 })
  category: string;

  @ApiProperty({ type: [FormFieldDto] })
  @IsArray()
  @ArrayMaxSize(MAX_FORM_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  formSchema: FormFieldDto[];

  @ApiProperty({ enum: APPROVAL_POLICIES })
  @IsIn(APPROVAL_POLICIES, { message: `approvalPolicy must be one of ${APPROVAL_POLICIES.join(', ')}` })
  approvalPolicy: ApprovalPolicy;

  @ApiPropertyOptional({ format: 'uuid', description: 'Policy group: the approving group by id …' })
  @IsOptional()
  @IsUUID('all')
  approvalGroupId?: string;

  @ApiPropertyOptional({ example: 'Identity & Access', description: '… or by name (resolved at submission)' })
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 100 })
  approvalGroupName?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  fulfilmentGroupId?: string;

  @ApiPropertyOptional({ example: 'Desktop Support', description: 'Else the service desk fulfils it' })
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 100 })
  fulfilmentGroupName?: string;

  @ApiProperty({ type: [TaskTemplateDto] })
  @IsArray()
  @ArrayMaxSize(MAX_TASK_TEMPLATES)
  @ValidateNested({ each: true })
  @Type(() => TaskTemplateDto)
  taskTemplates: TaskTemplateDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;
}
