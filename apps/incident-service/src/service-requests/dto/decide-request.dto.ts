import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPlainText, Trim } from '../../catalog/dto/text-field.validators';
import { RequestActionDto } from './request-action.dto';

/** Approve or reject, with an optional comment to the requester. */
export class DecideRequestDto extends RequestActionDto {
  @ApiPropertyOptional({ example: '業務上必要と判断します' })
  @IsOptional()
  @Trim()
  @IsPlainText({ max: 2000, multiline: true })
  comment?: string;
}
