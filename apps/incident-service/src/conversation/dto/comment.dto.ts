import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText, IsNotBlank } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateCommentDto {
  @ApiProperty({ maxLength: 20000, example: '再起動後も同じエラーが出ます 🙇' })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  @IsMultiLineText()
  body: string;

  @ApiPropertyOptional({
    enum: ['public', 'work_note'],
    description: 'public: a reply the caller sees (default); work_note: IT staff only',
  })
  @IsOptional()
  @IsIn(['public', 'work_note'], { message: 'visibility must be public or work_note' })
  visibility?: 'public' | 'work_note';

  @ApiPropertyOptional({ format: 'uuid', description: 'Quote this earlier comment below the reply, e-mail style' })
  @IsOptional()
  @IsUUID('all', { message: 'quoteCommentId must be a comment id' })
  quoteCommentId?: string;

  @ApiPropertyOptional({ description: 'Quote the incident description (the caller’s own words) below the reply' })
  @IsOptional()
  @IsIn([true, false], { message: 'quoteDescription must be true or false' })
  quoteDescription?: boolean;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiPropertyOptional({ nullable: true }) authorName: string | null;
  @ApiProperty({ enum: ['public', 'work_note'] }) visibility: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ nullable: true }) quotedCommentId: string | null;
  @ApiProperty() createdAt: string;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['public', 'work_note'] }) visibility: string;
  @ApiProperty({ format: 'uuid' }) uploadedById: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'GET this path to download' }) downloadPath: string;
}
