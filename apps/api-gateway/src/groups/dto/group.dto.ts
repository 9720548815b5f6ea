import { ApiProperty } from '@nestjs/swagger';

export class GroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Network' })
  name: string;

  @ApiProperty({ example: 'ネットワーク', nullable: true, type: String })
  nameJa: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'LAN, Wi-Fi, VPN and firewall' })
  description: string | null;

  @ApiProperty({ enum: [1, 2], description: '1 = service desk (first line), 2 = specialist group' })
  tier: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Takes hierarchical escalations and SLA breaches' })
  supervisorId: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  memberIds: string[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back (or as If-Match) when changing the group' })
  version: number;
}
