import { ApiProperty } from '@nestjs/swagger';

export class KbCategoryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'network.vpn' })
  code: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ example: 'VPN・リモート接続' })
  nameJa: string;

  @ApiProperty({ example: 'VPN and remote access' })
  nameEn: string;

  @ApiProperty({ example: 10, description: 'Position among siblings (lower first), then code' })
  sortOrder: number;
}

/** A category with its subcategories, to any depth. */
export class KbCategoryTreeDto extends KbCategoryDto {
  @ApiProperty({ type: () => [KbCategoryTreeDto] })
  children: KbCategoryTreeDto[];
}
