import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsPlainText, Trim } from '../../catalog/dto/text-field.validators';

export class CreateRequestCommentDto {
  @ApiProperty({ example: 'インストールは明日の午前に実施します 🙏' })
  @Trim()
  @IsPlainText({ max: 20000, multiline: true })
  body: string;

  @ApiPropertyOptional({ enum: ['public', 'work_note'], default: 'public', description: 'work_note: IT staff only' })
  @IsOptional()
  @IsIn(['public', 'work_note'], { message: 'visibility must be public or work_note' })
  visibility?: 'public' | 'work_note';
}
