import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { MAX_GROUP_MEMBERS } from './create-group.dto';

export class ReplaceMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete new member list (active users)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @IsUUID('all', { each: true, message: 'each member id must be a UUID' })
  memberIds: string[];

  @ApiPropertyOptional({ example: 1, description: 'The group version you read (or send If-Match)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
