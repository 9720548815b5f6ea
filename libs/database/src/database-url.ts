import { Client } from 'pg';

/** The same server URL with another database name. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** Creates the service's database if it is missing; safe when several replicas start at once. */
export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  if (!IDENTIFIER.test(database)) throw new Error(`Refusing to create database with unsafe name "${database}"`);
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres'), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
      } catch (e) {
        // 42P04 duplicate_database, 23505 unique_violation: another replica won the race.
        const code = (e as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw e;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops a database (tests only), ending its other sessions first. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!IDENTIFIER.test(database)) throw new Error(`Refusing to drop database with unsafe name "${database}"`);
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
