import { CreateCmdb1798000000000 } from './1798000000000-CreateCmdb';
import { IndexRelationshipWalks1798000200000 } from './1798000200000-IndexRelationshipWalks';
import { IndexIncidentsByCiKey1798000300000 } from './1798000300000-IndexIncidentsByCiKey';
import { AssetImportJobClaims1798000400000 } from './1798000400000-AssetImportJobClaims';

/** The asset service's migrations, in order (never edit one that has been committed: add another). */
export const assetMigrations = [
  CreateCmdb1798000000000,
  IndexRelationshipWalks1798000200000,
  IndexIncidentsByCiKey1798000300000,
  AssetImportJobClaims1798000400000,
];
