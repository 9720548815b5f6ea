import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from '../../articles/dto/get-article.query.dto';

export class StartHelpSessionDto {
  @ApiPropertyOptional({ description: 'The client’s own id for the session (e.g. a UUID); one is made when omitted' })
  @IsOptional()
  @IsString()
  @Matches(SESSION_ID_PATTERN, { message: `id ${SESSION_ID_MESSAGE}` })
  id?: string;

  @ApiPropertyOptional({ description: 'What the employee typed first', example: 'VPN 繋がらない', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsMultiLineText()
  query?: string;
}

export class HelpSessionDto {
  @ApiProperty({ description: 'Pass as `session` when reading articles and as `sessionId` with a deflection' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ nullable: true, type: String })
  query: string | null;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ description: 'False when this id had already been started (by the same user): nothing new was counted' })
  started: boolean;
}
