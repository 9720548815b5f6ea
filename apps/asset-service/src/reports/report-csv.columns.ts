import { CI_TYPES } from '@helpdesk/contracts';
import { CsvColumn } from './csv/csv-response';
import {
  DistributionRowDto,
  IdleStockItemDto,
  LeaverAssetDto,
  LeaverDto,
  ProblematicCiDto,
  WarrantyItemDto,
} from './dto/report.dto';

/** The CSV form of each report: one row per item, headers named after the JSON fields. */
export const WARRANTY_CSV: CsvColumn<WarrantyItemDto>[] = [
  { header: 'number', value: (r) => r.number },
  { header: 'name', value: (r) => r.name },
  { header: 'type', value: (r) => r.type },
  { header: 'state', value: (r) => r.state },
  { header: 'manufacturer', value: (r) => r.manufacturer },
  { header: 'model', value: (r) => r.model },
  { header: 'serialNumber', value: (r) => r.serialNumber },
  { header: 'assetTag', value: (r) => r.assetTag },
  { header: 'warrantyEnd', value: (r) => r.warrantyEnd },
  { header: 'daysLeft', value: (r) => r.daysLeft },
  { header: 'location', value: (r) => r.location },
  { header: 'assignedToName', value: (r) => r.assignedToName },
  { header: 'department', value: (r) => r.department },
];

/** key, label, total, then a count column for every CI type (0 where none). */
export const DISTRIBUTION_CSV: CsvColumn<DistributionRowDto>[] = [
  { header: 'key', value: (r) => r.key },
  { header: 'label', value: (r) => r.label },
  { header: 'total', value: (r) => r.total },
  ...CI_TYPES.map((type) => ({ header: type, value: (r: DistributionRowDto) => r.byType[type] ?? 0 })),
];

export const IDLE_STOCK_CSV: CsvColumn<IdleStockItemDto>[] = [
  { header: 'number', value: (r) => r.number },
  { header: 'name', value: (r) => r.name },
  { header: 'type', value: (r) => r.type },
  { header: 'manufacturer', value: (r) => r.manufacturer },
  { header: 'model', value: (r) => r.model },
  { header: 'serialNumber', value: (r) => r.serialNumber },
  { header: 'assetTag', value: (r) => r.assetTag },
  { header: 'location', value: (r) => r.location },
  { header: 'inStockSince', value: (r) => r.inStockSince },
  { header: 'idleDays', value: (r) => r.idleDays },
];

export const PROBLEMATIC_CSV: CsvColumn<ProblematicCiDto>[] = [
  { header: 'number', value: (r) => r.number },
  { header: 'name', value: (r) => r.name },
  { header: 'type', value: (r) => r.type },
  { header: 'state', value: (r) => r.state },
  { header: 'location', value: (r) => r.location },
  { header: 'assignedToName', value: (r) => r.assignedToName },
  { header: 'department', value: (r) => r.department },
  { header: 'incidents', value: (r) => r.incidents },
  { header: 'lastIncidentAt', value: (r) => r.lastIncidentAt },
  { header: 'problematic', value: (r) => r.problematic },
];

/** One row per CI to reclaim, with its leaver. */
export interface LeaverAssetLine {
  leaver: LeaverDto;
  asset: LeaverAssetDto;
}

export const LEAVERS_CSV: CsvColumn<LeaverAssetLine>[] = [
  { header: 'personId', value: (r) => r.leaver.person.id },
  { header: 'personName', value: (r) => r.leaver.person.name },
  { header: 'email', value: (r) => r.leaver.person.email },
  { header: 'department', value: (r) => r.leaver.person.department },
  { header: 'deactivatedAt', value: (r) => r.leaver.deactivatedAt },
  { header: 'number', value: (r) => r.asset.number },
  { header: 'name', value: (r) => r.asset.name },
  { header: 'type', value: (r) => r.asset.type },
  { header: 'state', value: (r) => r.asset.state },
  { header: 'assetTag', value: (r) => r.asset.assetTag },
  { header: 'serialNumber', value: (r) => r.asset.serialNumber },
  { header: 'assignedAt', value: (r) => r.asset.assignedAt },
];

export function leaverAssetLines(leavers: LeaverDto[]): LeaverAssetLine[] {
  return leavers.flatMap((leaver) => leaver.assets.map((asset) => ({ leaver, asset })));
}
