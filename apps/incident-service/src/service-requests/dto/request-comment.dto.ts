import { ApiProperty } from '@nestjs/swagger';

export class RequestCommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  authorId: string;

  @ApiProperty({ nullable: true, type: String })
  authorName: string | null;

  @ApiProperty({ enum: ['public', 'work_note'] })
  visibility: 'public' | 'work_note';

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
