import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `version` in a body: the version you read (If-Match wins over it); stale → 409. */
export function IsCiVersion(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'The version you read (or send If-Match); stale → 409' }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'version must be a whole number' }),
    Min(1, { message: 'version must be at least 1' }),
    Max(2_147_483_647, { message: 'version is too large' }),
  );
}
