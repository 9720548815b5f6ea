import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsNameText, Trim } from '../../users/dto/user-field.validators';

export const MAX_GROUP_MEMBERS = 1000;

export class CreateGroupDto {
  @ApiProperty({ example: 'Network', description: 'Unique regardless of case' })
  @Trim()
  @IsNameText({ maxLength: 100 })
  name: string;

  @ApiPropertyOptional({ example: 'ネットワーク' })
  @IsOptional()
  @Trim()
  @IsNameText({ maxLength: 100 })
  nameJa?: string;

  @ApiPropertyOptional({ example: 'LAN, Wi-Fi, VPN and firewall' })
  @IsOptional()
  @Trim()
  @IsNameText({ maxLength: 2000 })
  description?: string;

  @ApiProperty({ enum: [1, 2], description: '1 = service desk, 2 = specialist group' })
  @IsIn([1, 2], { message: 'tier must be 1 (service desk) or 2 (specialist group)' })
  tier: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  supervisorId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Initial members (active users)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @IsUUID('all', { each: true, message: 'each member id must be a UUID' })
  memberIds?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
