import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListCategoriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only active (true) or only retired (false) categories; employees always get active ones',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
