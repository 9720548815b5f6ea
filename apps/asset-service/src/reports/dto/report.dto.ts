import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CI_TYPES, CiState, CiType } from '@helpdesk/contracts';

class PagedReportDto {
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `?cursor=` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class WarrantyItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ type: String, nullable: true }) manufacturer: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) model: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) serialNumber: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assetTag: string | null;
  @ApiProperty({ example: '2026-04-30' }) warrantyEnd: string;
  @ApiProperty({ description: 'Days from your today to the warranty end (0: ends today)' }) daysLeft: number;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) assignedToId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assignedToName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) department: string | null;
}

export class WarrantyReportDto extends PagedReportDto {
  @ApiProperty({ type: [WarrantyItemDto], description: 'Soonest warranty end first' }) items: WarrantyItemDto[];
  @ApiProperty() days: number;
  @ApiProperty({ description: 'Your today (your time zone)', example: '2026-04-01' }) from: string;
  @ApiProperty({ description: 'The last day included', example: '2026-05-01' }) to: string;
}

export class DistributionRowDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'User id, department or location; null: CIs without one' })
  key: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The user's name (else the key)" }) label: string | null;
  @ApiProperty() total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Count per CI type (types with none are left out)',
    example: { laptop: 1, monitor: 2 },
  })
  byType: Partial<Record<CiType, number>>;
}

export class DistributionReportDto {
  @ApiProperty({ enum: ['user', 'department', 'location'] }) by: string;
  @ApiProperty({ description: 'CIs counted: every CI not retired or disposed' }) total: number;
  @ApiProperty({ type: [DistributionRowDto], description: 'Most CIs first; the null key last' }) items: DistributionRowDto[];
}

export class IdleStockItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiPropertyOptional({ type: String, nullable: true }) manufacturer: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) model: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) serialNumber: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assetTag: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ description: 'When it last entered in_stock (its creation if its state never changed)' }) inStockSince: string;
  @ApiProperty({ description: 'Whole days in stock' }) idleDays: number;
}

export class IdleStockReportDto extends PagedReportDto {
  @ApiProperty({ type: [IdleStockItemDto], description: 'Longest in stock first' }) items: IdleStockItemDto[];
  @ApiProperty() days: number;
}

export class ProblematicCiDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assignedToName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ description: 'Incidents opened within the window, not cancelled' }) incidents: number;
  @ApiProperty() lastIncidentAt: string;
  @ApiProperty({ description: 'incidents ≥ threshold' }) problematic: boolean;
}

export class ProblematicReportDto extends PagedReportDto {
  @ApiProperty({ type: [ProblematicCiDto], description: 'Most incidents first, then the latest incident first' })
  items: ProblematicCiDto[];
  @ApiProperty({ example: 3 }) threshold: number;
  @ApiProperty({ example: '30d' }) window: string;
  @ApiProperty({ description: 'Incidents opened from this instant count' }) since: string;
}

export class LeaverPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) department: string | null;
}

export class LeaverAssetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ type: String, nullable: true }) assetTag: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) serialNumber: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assignedAt: string | null;
}

export class LeaverDto {
  @ApiProperty({ type: LeaverPersonDto }) person: LeaverPersonDto;
  @ApiProperty({ description: 'When identity.user.deactivated happened' }) deactivatedAt: string;
  @ApiProperty({ type: [LeaverAssetDto], description: 'CIs still assigned to them (not disposed of), to reclaim' })
  assets: LeaverAssetDto[];
}

export class LeaversReportDto extends PagedReportDto {
  @ApiProperty({ type: [LeaverDto], description: 'Longest gone first' }) items: LeaverDto[];
}
