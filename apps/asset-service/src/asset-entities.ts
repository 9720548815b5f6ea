import { AttributeDefinitionEntity } from './attributes/attribute-definition.entity';
import { CiHistoryEntity } from './cis/entities/ci-history.entity';
import { CiEntity } from './cis/entities/ci.entity';
import { AssetPersonEntity } from './directory/asset-person.entity';
import { AssetImportJobEntity } from './imports/asset-import-job.entity';
import { AssetIncidentEntity } from './incident-copies/asset-incident.entity';
import { RelationshipEntity } from './relationships/relationship.entity';

/** Every TypeORM entity of the asset service's own tables. */
export const assetEntities = [
  CiEntity,
  CiHistoryEntity,
  AttributeDefinitionEntity,
  RelationshipEntity,
  AssetIncidentEntity,
  AssetPersonEntity,
  AssetImportJobEntity,
];
