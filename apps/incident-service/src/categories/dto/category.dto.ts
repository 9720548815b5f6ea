import { ApiProperty } from '@nestjs/swagger';

export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'network.vpn', description: 'Stable code; a subcategory is `<parent code>.<own part>`' })
  code: string;

  @ApiProperty({ example: 'network', nullable: true, type: String, description: 'Null for a top-level category' })
  parentCode: string | null;

  @ApiProperty({ example: 'VPN' })
  nameJa: string;

  @ApiProperty({ example: 'VPN' })
  nameEn: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({
    description: 'False for hardware break/fix and on-site work: net first-contact resolution leaves them out',
  })
  firstLevelResolvable: boolean;

  @ApiProperty({ example: 10, description: 'Position among siblings (lower first), then code' })
  sortOrder: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty({ description: 'Who made the last change (user id, or a system actor)' })
  changedBy: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back (or as If-Match) when changing the category' })
  version: number;
}

/** A top-level category with its subcategories. */
export class CategoryTreeDto extends CategoryDto {
  @ApiProperty({ type: [CategoryDto], description: 'Empty for a subcategory or a category without any' })
  subcategories: CategoryDto[];
}
