import { Client } from 'pg';

/** Runs one query on a fresh connection; rejects when the server does not answer within timeoutMs. */
export async function queryOnce(url: string, sql: string, timeoutMs = 2000): Promise<Array<Record<string, unknown>>> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined); // a dropped connection surfaces through the awaited calls
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when `select 1` succeeds within timeoutMs. */
export async function postgresAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await queryOnce(url, 'select 1', timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
