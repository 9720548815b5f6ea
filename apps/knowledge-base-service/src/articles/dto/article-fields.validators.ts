import { applyDecorators } from '@nestjs/common';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

/** A list of short one-line strings (tags, CI ids, category codes): at most `count`, each at most `length`. */
export function IsShortStringList(field: string, count: number, length: number): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: `${field} must be an array of strings` }),
    ArrayMaxSize(count, { message: `${field} may hold at most ${count} entries` }),
    IsString({ each: true, message: `each of ${field} must be a string` }),
    MaxLength(length, { each: true, message: `each of ${field} must be at most ${length} characters` }),
    IsSingleLine({ each: true, message: `each of ${field} must be on one line, without control characters` }),
  );
}

/** A reference to an article or category: its UUID, KB number or code (one line, short). */
export function IsReference(field: string): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `${field} must be a string` }),
    MaxLength(80, { message: `${field} must be at most 80 characters` }),
    IsSingleLine(),
  );
}
