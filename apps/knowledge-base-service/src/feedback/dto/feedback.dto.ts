import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class RecordFeedbackDto {
  @ApiProperty({ description: 'Was this article helpful?' })
  @IsBoolean({ message: 'helpful must be true or false' })
  helpful: boolean;

  @ApiPropertyOptional({ example: '手順 2 の画面が今のバージョンと違いました', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsMultiLineText()
  comment?: string;
}

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ nullable: true, type: String })
  userName: string | null;

  @ApiProperty()
  helpful: boolean;

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** The caller's feedback and the article's counts after it. */
export class FeedbackResultDto {
  @ApiProperty({ type: FeedbackDto })
  feedback: FeedbackDto;

  @ApiProperty()
  helpfulCount: number;

  @ApiProperty()
  notHelpfulCount: number;
}
