import { CreateIdentityDirectory1795449600000 } from './1795449600000-CreateIdentityDirectory';
import { CreateAuthSessions1795449601000 } from './1795449601000-CreateAuthSessions';
import { CreateAuditLog1795449602000 } from './1795449602000-CreateAuditLog';

/** The gateway's migrations, in order (never edit one that has been committed: add another). */
export const gatewayMigrations = [
  CreateIdentityDirectory1795449600000,
  CreateAuthSessions1795449601000,
  CreateAuditLog1795449602000,
];
