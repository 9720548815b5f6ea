import { applyDecorators } from '@nestjs/common';
import { IsMultiLineText, IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const TITLE_MAX = 200;
export const LONG_TEXT_MAX = 20_000;

export function IsProblemTitle(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'title must be a string' }),
    IsNotBlank(),
    MaxLength(TITLE_MAX, { message: `title must be at most ${TITLE_MAX} characters` }),
    IsSingleLine(),
  );
}

/** Free text that may span lines (description, symptoms, root cause, workaround, notes). */
export function IsLongText(field: string, max = LONG_TEXT_MAX): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `${field} must be a string` }),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
    IsMultiLineText(),
  );
}

/** Required free text: at least one visible character. */
export function IsRequiredText(field: string, max = LONG_TEXT_MAX): PropertyDecorator {
  return applyDecorators(IsLongText(field, max), IsNotBlank());
}

export function IsPriority(): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt({ message: 'priority must be a whole number from 1 (critical) to 5 (planning)' }),
    Min(1, { message: 'priority must be from 1 (critical) to 5 (planning)' }),
    Max(5, { message: 'priority must be from 1 (critical) to 5 (planning)' }),
  );
}

export function IsOptionalUuid(field: string): PropertyDecorator {
  return applyDecorators(IsOptional(), IsUUID('all', { message: `${field} must be a UUID` }));
}

/** The version you read (or If-Match): stale → 409. */
export class VersionedDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  @Max(2_147_483_647, { message: 'version is too large' })
  version?: number;
}
