import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_LANGUAGES, ArticleLanguage } from '@helpdesk/contracts';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /kb/suggestions`: the text an employee is typing (an incident's description, a chat message). */
export class SuggestionRequestDto {
  @ApiProperty({
    description: 'The problem in the reader’s words (the last word may be unfinished)',
    example: 'Outlookでメールが送れない',
  })
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(4000)
  @IsMultiLineText()
  text: string;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES, description: 'Only articles in this language' })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES, { message: `lang must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  lang?: ArticleLanguage;
}
