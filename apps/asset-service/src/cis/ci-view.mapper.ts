import { allowedNextStates } from './domain/ci-lifecycle';
import { CiDto, CiHistoryEntryDto } from './dto/ci.dto';
import { CiHistoryEntity } from './entities/ci-history.entity';
import { CiEntity } from './entities/ci.entity';

export function toCiDto(ci: CiEntity): CiDto {
  return {
    id: ci.id,
    number: ci.number,
    type: ci.type,
    name: ci.name,
    state: ci.state,
    assetTag: ci.assetTag,
    serialNumber: ci.serialNumber,
    model: ci.model,
    manufacturer: ci.manufacturer,
    purchaseDate: ci.purchaseDate,
    purchaseCost: ci.purchaseCost,
    warrantyEnd: ci.warrantyEnd,
    location: ci.location,
    os: ci.os,
    ipAddress: ci.ipAddress,
    macAddress: ci.macAddress,
    seatsOwned: ci.seatsOwned,
    licenceExpiresOn: ci.licenceExpiresOn,
    licenceId: ci.licenceId,
    assignedToId: ci.assignedToId,
    assignedToName: ci.assignedToName,
    department: ci.department,
    assignedAt: ci.assignedAt?.toISOString() ?? null,
    attributes: ci.attributes,
    allowedStates: [...allowedNextStates(ci.state)],
    createdById: ci.createdById,
    version: ci.version,
    createdAt: ci.createdAt.toISOString(),
    updatedAt: ci.updatedAt.toISOString(),
  };
}

export function toCiHistoryEntryDto(h: CiHistoryEntity): CiHistoryEntryDto {
  return {
    at: h.at.toISOString(),
    actorId: h.actorId,
    actorRole: h.actorRole,
    action: h.action,
    ciVersion: h.ciVersion,
    changes: h.changes,
    note: h.note,
  };
}
