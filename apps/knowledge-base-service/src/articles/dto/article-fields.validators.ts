import { applyDecorators } from '@nestjs/common';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { IsString, MaxLength } from 'class-validator';

export { IsShortStringList } from '@helpdesk/service-runtime';

/** A reference to an article or category: its UUID, KB number or code (one line, short). */
export function IsReference(field: string): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `${field} must be a string` }),
    MaxLength(80, { message: `${field} must be at most 80 characters` }),
    IsSingleLine(),
  );
}
