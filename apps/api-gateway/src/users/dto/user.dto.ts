import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@helpdesk/contracts';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'taro.yamada@example.com' })
  email: string;

  @ApiProperty({ example: '山田 太郎', description: 'The name shown by default (in the user’s locale)' })
  displayName: string;

  @ApiProperty({ example: '山田 太郎', nullable: true, type: String })
  displayNameJa: string | null;

  @ApiProperty({ example: 'Taro Yamada', nullable: true, type: String })
  displayNameEn: string | null;

  @ApiProperty({ example: '経理部', nullable: true, type: String })
  department: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  managerId: string | null;

  @ApiProperty({ example: '+81-3-1234-5678', nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ enum: ['ja', 'en'], example: 'ja' })
  locale: string;

  @ApiProperty({ example: 'Asia/Tokyo', description: 'IANA time zone' })
  timeZone: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['employee'] })
  roles: Role[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back (or as If-Match) when changing the user' })
  version: number;
}

export class GroupSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Service Desk' })
  name: string;

  @ApiProperty({ example: 'サービスデスク', nullable: true, type: String })
  nameJa: string | null;

  @ApiProperty({ enum: [1, 2] })
  tier: number;
}

/** The signed-in user, with their groups. */
export class MeDto extends UserDto {
  @ApiProperty({ type: [GroupSummaryDto] })
  groups: GroupSummaryDto[];
}
