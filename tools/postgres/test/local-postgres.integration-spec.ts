import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePostgres, postgresAnswers, queryOnce } from '../src';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('ensurePostgres', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'local-postgres-it-'));
    chmodSync(tmp, 0o755); // when run as root, the server runs as `postgres` and must reach the data dir
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds a server (DATABASE_URL or 127.0.0.1:5432) that answers select 1', async () => {
    const pg = await ensurePostgres({ dataDir: join(tmp, 'auto'), port: await freePort() });
    try {
      if (process.env.DATABASE_URL) expect(pg.kind).toBe('env');
      expect(await queryOnce(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await pg.stop();
    }
  });

  it('reports a DATABASE_URL that does not answer', async () => {
    const env = { DATABASE_URL: `postgres://app:secret@127.0.0.1:${await freePort()}/app` };
    await expect(ensurePostgres({ env })).rejects.toThrow(
      /DATABASE_URL \(postgres:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/app\) does not answer/,
    );
  });

  it('starts an embedded server when forced, reuses it, and keeps its data across restarts', async () => {
    const port = await freePort();
    const opts = { mode: 'embedded' as const, port, dataDir: join(tmp, 'embedded', 'data') };

    const pg = await ensurePostgres(opts);
    expect(pg).toMatchObject({ kind: 'embedded', started: true, url: `postgres://postgres@127.0.0.1:${port}/postgres` });
    const [{ version }] = await queryOnce(pg.url, 'select version()');
    expect(version).toMatch(/^PostgreSQL 17\./);
    await queryOnce(pg.url, "create table kept (note text); insert into kept values ('ticket')");

    const again = await ensurePostgres(opts);
    expect(again).toMatchObject({ kind: 'embedded', started: false, url: pg.url });

    await pg.stop();
    expect(await postgresAnswers(pg.url, 1000)).toBe(false);

    const restarted = await ensurePostgres(opts);
    try {
      expect(restarted.started).toBe(true);
      expect(await queryOnce(restarted.url, 'select note from kept')).toEqual([{ note: 'ticket' }]);
    } finally {
      await restarted.stop();
    }
  });

  it('falls back to the embedded server when no DATABASE_URL is set and nothing answers locally', async () => {
    const port = await freePort();
    const localUrl = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    const pg = await ensurePostgres({ env: {}, localUrl, port, dataDir: join(tmp, 'fallback', 'data') });
    try {
      expect(pg).toMatchObject({ kind: 'embedded', started: true });
      expect(await queryOnce(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await pg.stop();
    }
  });
});
