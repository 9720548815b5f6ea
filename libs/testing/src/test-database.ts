import { randomBytes } from 'node:crypto';
import { databaseUrlFor, dropDatabase, ensureDatabaseExists } from '@helpdesk/database';
import { testDatabaseServerUrl } from './test-environment';

export interface TestDatabase {
  serverUrl: string;
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A throw-away database with a unique name, so suites never see each other's rows. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  const name = `t_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`.slice(0, 63);
  await ensureDatabaseExists(serverUrl, name);
  return { serverUrl, name, url: databaseUrlFor(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
