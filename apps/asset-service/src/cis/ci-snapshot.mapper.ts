import { AssetSnapshot } from '@helpdesk/contracts';
import { CiEntity } from './entities/ci.entity';

export function toAssetSnapshot(ci: CiEntity): AssetSnapshot {
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
    location: ci.location,
    assignedToId: ci.assignedToId,
    assignedToName: ci.assignedToName,
    department: ci.department,
    licenceId: ci.licenceId,
    warrantyEnd: ci.warrantyEnd,
    version: ci.version,
    updatedAt: ci.updatedAt.toISOString(),
  };
}
