import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CiInput } from '../domain/ci-type-rules';

/**
 * The built-in fields and custom attributes of a CI as the API takes them. Which apply depends on the type
 * (GET /assets/types), so checkCiInput validates them rather than decorators: the same rules and messages as
 * the CSV import. @Allow() only lets each property through the whitelist.
 */
export class CiFieldsDto implements CiInput {
  @ApiPropertyOptional({ example: 'ThinkPad X1 Carbon (山田)', maxLength: 200 })
  @Allow()
  name?: string;

  @ApiPropertyOptional({ nullable: true, example: 'PC-2025-0042', description: 'Hardware; unique' })
  @Allow()
  assetTag?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'PF3ABCDE', description: 'Hardware; unique per manufacturer' })
  @Allow()
  serialNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'ThinkPad X1 Carbon Gen 12', description: 'Hardware; software: the version' })
  @Allow()
  model?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Lenovo', description: 'Hardware, software products; licences: the vendor' })
  @Allow()
  manufacturer?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2025-04-01', description: 'YYYY-MM-DD' })
  @Allow()
  purchaseDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '189000.00',
    description: 'Decimal ≥ 0 with at most 2 decimals (a JSON number is accepted too)',
  })
  @Allow()
  purchaseCost?: string | number | null;

  @ApiPropertyOptional({ nullable: true, example: '2028-03-31', description: 'YYYY-MM-DD, not before purchaseDate' })
  @Allow()
  warrantyEnd?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '東京本社 3F' })
  @Allow()
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Windows 11 Pro', description: 'Laptops, desktops, servers, phones, tablets' })
  @Allow()
  os?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '10.1.20.31', description: 'IPv4 or IPv6; networked hardware' })
  @Allow()
  ipAddress?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '3C:22:FB:12:AB:CD',
    description: '6 hex pairs with : or -; stored upper-case with :',
  })
  @Allow()
  macAddress?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 25, description: 'Licences (required): seats bought' })
  @Allow()
  seatsOwned?: number | string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-03-31', description: 'Licences: YYYY-MM-DD' })
  @Allow()
  licenceExpiresOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 'CI-00007',
    description: 'Software installations and SaaS accounts: the licence (UUID or number) whose seat they use',
  })
  @Allow()
  licenceId?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { memory_gb: 16 },
    description: 'Custom attributes by key, per the type\u2019s definitions; null removes one',
  })
  @Allow()
  attributes?: Record<string, unknown>;
}
