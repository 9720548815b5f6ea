import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListLicencesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only over-allocated licences (true) or only the others (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overAllocated must be true or false' })
  overAllocated?: boolean;

  @ApiPropertyOptional({
    description: "Only licences expiring from the caller's today to this many days later (both included)",
    minimum: 0,
    maximum: 3650,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expiringWithinDays must be a whole number' })
  @Min(0, { message: 'expiringWithinDays must be at least 0' })
  @Max(3650, { message: 'expiringWithinDays must be at most 3650' })
  expiringWithinDays?: number;
}
