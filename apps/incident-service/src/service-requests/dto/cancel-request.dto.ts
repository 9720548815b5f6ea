import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText, Trim } from '../../catalog/dto/text-field.validators';
import { RequestActionDto } from './request-action.dto';

export class CancelRequestDto extends RequestActionDto {
  @ApiProperty({ example: '別の方法で解決しました', description: 'Why it is cancelled' })
  @Trim()
  @IsPlainText({ max: 1000, multiline: true })
  reason: string;
}
