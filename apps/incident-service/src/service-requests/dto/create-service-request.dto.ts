import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsPlainText, Trim } from '../../catalog/dto/text-field.validators';

export class CreateServiceRequestDto {
  @ApiProperty({ example: 'software-install', description: 'The catalog item: its UUID or its code' })
  @Matches(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(?:-[a-z0-9]+)*)$/i, {
    message: 'catalogItemId must be a catalog item id or code',
  })
  @Matches(/^.{1,60}$/, { message: 'catalogItemId must be a catalog item id or code' })
  catalogItemId: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { software: 'visio', businessReason: '業務フロー図の作成' },
    description: 'Answers to the item’s form; a bad or missing answer is a 400 on `form.<key>`',
  })
  @IsOptional()
  @IsObject({ message: 'form must be an object of answers' })
  form?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'IT staff: submit on behalf of this person' })
  @IsOptional()
  @IsUUID('all')
  requestedForId?: string;

  @ApiPropertyOptional({ description: 'Anything else the fulfillers should know' })
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 4000, multiline: true })
  description?: string;
}
