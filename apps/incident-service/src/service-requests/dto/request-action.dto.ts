import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

/** The body of an action without arguments: only the version read (or send If-Match). */
export class RequestActionDto {
  @ApiPropertyOptional({ example: 2, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
