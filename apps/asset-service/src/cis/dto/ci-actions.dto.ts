import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CiState } from '@helpdesk/contracts';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RETURN_STATES } from '../domain/ci-lifecycle';
import { IsCiVersion } from './ci-version';

export const NOTE_MAX = 2000;

class CiActionDto {
  @IsCiVersion()
  version?: number;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'Why: kept in the history' })
  @IsOptional()
  @IsString({ message: 'note must be a string' })
  @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` })
  @IsMultiLineText()
  note?: string;
}

export class TransitionCiDto extends CiActionDto {
  @ApiProperty({ enum: CI_STATES, description: 'The next state; the lifecycle allows only some (409 names them)' })
  @IsIn(CI_STATES, { message: `state must be one of ${CI_STATES.join(', ')}` })
  state: CiState;
}

export class AssignCiDto extends CiActionDto {
  @ApiProperty({ format: 'uuid', description: 'An active person (the directory copy gives name and department)' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class UnassignCiDto extends CiActionDto {
  @ApiPropertyOptional({
    enum: RETURN_STATES,
    default: 'in_stock',
    description: 'Where it goes: back to stock or, hardware, to repair',
  })
  @IsOptional()
  @IsIn(RETURN_STATES, { message: `state must be one of ${RETURN_STATES.join(', ')}` })
  state?: CiState;
}
