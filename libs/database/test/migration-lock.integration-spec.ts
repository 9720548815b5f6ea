import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabaseExists } from '../src';
import { runMigrationsExclusively } from '../src/database.module';

/** Slow on purpose: two replicas running it at once overlap for certain. */
class CreateSlowTable1700000000000 implements MigrationInterface {
  name = 'CreateSlowTable1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT pg_sleep(0.5)');
    await q.query('CREATE TABLE slow_table (id integer PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE slow_table');
  }
}

describe('migrations with several replicas starting at once (real PostgreSQL)', () => {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `t_migration_lock_${randomBytes(4).toString('hex')}`;
  const replicas = () =>
    [1, 2, 3].map((n) =>
      createDataSource({
        serverUrl,
        database,
        entities: [],
        migrations: [CreateSlowTable1700000000000],
        applicationName: `replica-${n}`,
      }),
    );

  beforeAll(() => ensureDatabaseExists(serverUrl, database));
  afterAll(() => dropDatabase(serverUrl, database));

  it('migrates once: the others wait for the lock and find nothing pending', async () => {
    const sources = replicas();
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      await Promise.all(sources.map((s) => runMigrationsExclusively(s)));
      const applied = await sources[0].query(`SELECT name FROM migrations`);
      expect(applied).toEqual([{ name: 'CreateSlowTable1700000000000' }]);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });

  it('races without the lock (the failure the lock prevents)', async () => {
    await dropDatabase(serverUrl, database);
    await ensureDatabaseExists(serverUrl, database);
    const sources = replicas();
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      const results = await Promise.allSettled(sources.map((s) => s.runMigrations({ transaction: 'each' })));
      expect(results.some((r) => r.status === 'rejected')).toBe(true);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
