import { createDataSource } from '@helpdesk/database';
import { createTestDatabase, TestDatabase } from '@helpdesk/testing';
import { DataSource } from 'typeorm';
import { knowledgeMigrations } from '../src/migrations';

/** Every migration goes down and up again on a real PostgreSQL: `down` leaves nothing of ours behind. */
describe('knowledge base migrations (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('kb_migrations');
    ds = createDataSource({ serverUrl: db.serverUrl, database: db.name, entities: [], migrations: knowledgeMigrations });
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  const ours = async (): Promise<string[]> =>
    (
      await ds.query(
        `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND relname LIKE 'kb\\_%' ORDER BY 1`,
      )
    ).map((r: { relname: string }) => r.relname);

  it('go down and up again cleanly', async () => {
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(knowledgeMigrations.length);
    const created = await ours();
    expect(created).toEqual(expect.arrayContaining(['kb_article', 'kb_article_number_seq', 'kb_help_session']));
    for (let i = 0; i < knowledgeMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await ours()).toEqual([]);
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(knowledgeMigrations.length);
    expect(await ours()).toEqual(created);
  });
});
