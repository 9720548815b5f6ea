import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CI_TYPES, CiState, CiType } from '@helpdesk/contracts';

export class CiDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ nullable: true }) assetTag: string | null;
  @ApiPropertyOptional({ nullable: true }) serialNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) model: string | null;
  @ApiPropertyOptional({ nullable: true }) manufacturer: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2025-04-01' }) purchaseDate: string | null;
  @ApiPropertyOptional({ nullable: true, example: '189000.00', description: 'Exact decimal text' })
  purchaseCost: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2028-03-31' }) warrantyEnd: string | null;
  @ApiPropertyOptional({ nullable: true }) location: string | null;
  @ApiPropertyOptional({ nullable: true }) os: string | null;
  @ApiPropertyOptional({ nullable: true }) ipAddress: string | null;
  @ApiPropertyOptional({ nullable: true }) macAddress: string | null;
  @ApiPropertyOptional({ nullable: true }) seatsOwned: number | null;
  @ApiPropertyOptional({ nullable: true }) licenceExpiresOn: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) licenceId: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) assignedToId: string | null;
  @ApiPropertyOptional({ nullable: true }) assignedToName: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The assignee\u2019s department' }) department: string | null;
  @ApiPropertyOptional({ nullable: true }) assignedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom attributes by key' })
  attributes: Record<string, string | number | boolean>;
  @ApiProperty({ enum: CI_STATES, isArray: true, description: 'The states a transition may go to next' })
  allowedStates: CiState[];
  @ApiProperty() createdById: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CiFieldChangeDto {
  @ApiProperty() field: string;
  @ApiPropertyOptional({ nullable: true }) from: unknown;
  @ApiPropertyOptional({ nullable: true }) to: unknown;
}

export class CiHistoryEntryDto {
  @ApiProperty() at: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ example: 'assigned' }) action: string;
  @ApiProperty() ciVersion: number;
  @ApiProperty({ type: [CiFieldChangeDto] }) changes: CiFieldChangeDto[];
  @ApiPropertyOptional({ nullable: true }) note: string | null;
}
