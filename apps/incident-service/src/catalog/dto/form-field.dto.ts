import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FORM_FIELD_TYPES, FORM_KEY_PATTERN, FormFieldType, HARD_TEXT_MAX } from '../domain/form-schema';
import { IsPlainText, Trim } from './text-field.validators';

export class FormFieldOptionDto {
  @ApiProperty({ example: 'read' })
  @IsPlainText({ max: 100 })
  value: string;

  @ApiProperty({ example: '読み取り' })
  @Trim()
  @IsPlainText({ max: 200 })
  labelJa: string;

  @ApiProperty({ example: 'Read' })
  @Trim()
  @IsPlainText({ max: 200 })
  labelEn: string;
}

/** One field of a catalog item's form; answers are checked against it on submission (400 on `form.<key>`). */
export class FormFieldDto {
  @ApiProperty({ example: 'accessLevel', pattern: FORM_KEY_PATTERN.source, description: 'The answer’s name in `form`' })
  @Matches(FORM_KEY_PATTERN, { message: 'key must be camelCase letters and digits, starting with a small letter (≤ 50)' })
  key: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES, { message: `type must be one of ${FORM_FIELD_TYPES.join(', ')}` })
  type: FormFieldType;

  @ApiProperty({ example: '権限' })
  @Trim()
  @IsPlainText({ max: 200 })
  labelJa: string;

  @ApiProperty({ example: 'Access level' })
  @Trim()
  @IsPlainText({ max: 200 })
  labelEn: string;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [FormFieldOptionDto], description: 'The choices of a `select`' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldOptionDto)
  options?: FormFieldOptionDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: HARD_TEXT_MAX, description: 'Longest text answer, in characters' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(HARD_TEXT_MAX)
  maxLength?: number;

  @ApiPropertyOptional({ description: 'Smallest `number` answer' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @ApiPropertyOptional({ description: 'Largest `number` answer' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;
}

export class TaskTemplateDto {
  @ApiProperty({ example: 'アクセス権の付与' })
  @Trim()
  @IsPlainText({ max: 200 })
  titleJa: string;

  @ApiProperty({ example: 'Grant the access' })
  @Trim()
  @IsPlainText({ max: 200 })
  titleEn: string;
}
