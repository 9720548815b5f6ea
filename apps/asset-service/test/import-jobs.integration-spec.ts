import { randomUUID } from 'node:crypto';
import { toCsv } from '@helpdesk/csv';
import { waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { CiWriter } from '../src/cis/ci-writer.service';
import { AssetImportJobsRepository } from '../src/imports/asset-import-jobs.repository';
import { AssetImportRunner, PROGRESS_EVERY_ROWS } from '../src/imports/asset-import-runner.service';
import { AssetImportValidator } from '../src/imports/asset-import-validator.service';
import { as, AssetTestApp, startAssetService } from './support/asset-test-app';

const API = '/api/v1';

/** The import job: progress visible while its transaction is open, replicas, a dead replica's job, refusals at run time, shutdown. */
describe('asset import jobs (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;

  beforeAll(async () => {
    t = await startAssetService('import_jobs');
  });
  afterAll(async () => t?.close());

  const runner = () => t.app.get(AssetImportRunner);

  async function postCsv(csv: string) {
    return request(t.http)
      .post(`${API}/assets/import`)
      .set('Authorization', await t.bearer(t.people.assetManager))
      .set('Content-Type', 'text/csv')
      .send(csv);
  }

  const getJob = async (id: string) => {
    const res = await as(t, t.people.assetManager).get(`/assets/import/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  const waitForJob = (id: string, timeoutMs = 30_000) =>
    waitFor(
      async () => {
        const job = await getJob(id);
        return job.state === 'succeeded' || job.state === 'failed' ? job : undefined;
      },
      { timeoutMs, intervalMs: 100, description: `import ${id} to finish` },
    );

  /** CIs a job created (its history notes name it), and the asset.created events it wrote to the outbox. */
  async function writtenBy(jobId: string) {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM asset_ci_history WHERE note LIKE '%(import ' || $1 || ')')::int AS cis,
              (SELECT count(*) FROM outbox_message WHERE envelope->'payload'->'detail'->>'importJobId' = $1)::int AS events`,
      [jobId],
    );
    return row as { cis: number; events: number };
  }

  /** A job row as another replica would have left it. */
  async function insertJob(csv: string, fields: { state: 'queued' | 'running'; heartbeatAgoMs?: number; claimToken?: string }) {
    const id = randomUUID();
    const rows = csv.trim().split('\n').length - 1;
    await t.dataSource.query(
      `INSERT INTO asset_import_job (id, state, file_name, csv, total_rows, processed_rows, created_count, problems, created_by_id,
                                     created_by_role, claim_token, heartbeat_at, created_at, started_at)
       VALUES ($1, $2, 'replica.csv', $3, $4, 0, 0, '[]', $5, 'asset_manager', $6,
               CASE WHEN $7::int IS NULL THEN NULL ELSE clock_timestamp() - $7::int * interval '1 millisecond' END, now(),
               CASE WHEN $2 = 'running' THEN now() END)`,
      [id, fields.state, csv, rows, t.people.assetManager.id, fields.claimToken ?? null, fields.heartbeatAgoMs ?? null],
    );
    return id;
  }

  const laptops = (prefix: string, n: number, withTags = true) =>
    toCsv(
      ['type', 'name', 'assetTag'],
      Array.from({ length: n }, (_, i) => ['laptop', `${prefix} ノート ${i + 1} 💻`, withTags ? `${prefix}-${i + 1}` : '']),
    );

  it('shows progress while the all-or-nothing transaction is open, and commits every row at the end', async () => {
    const licence = await as(t, t.people.assetManager).post('/assets', {
      type: 'licence',
      name: 'Progress licence',
      seatsOwned: 500,
    });
    expect(licence.status).toBe(201);
    const rows = [
      ...Array.from({ length: 120 }, (_, i) => ['laptop', `進捗 ${i + 1}`, `PROG-${i + 1}`, '']),
      ['saas_account', 'Blocked on the licence 🔒', '', licence.body.number],
      ...Array.from({ length: 30 }, (_, i) => ['laptop', `進捗 ${121 + i}`, `PROG-${121 + i}`, '']),
    ];
    const csv = toCsv(['type', 'name', 'assetTag', 'licence'], rows);

    // Holding the licence row makes the job wait at row 122 (its insert checks the licence_id foreign key).
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query(`SELECT id FROM asset_ci WHERE id = $1 FOR UPDATE`, [licence.body.id]);
      const res = await postCsv(csv);
      expect(res.status).toBe(202);
      const expected = Math.floor(120 / PROGRESS_EVERY_ROWS) * PROGRESS_EVERY_ROWS;
      const running = await waitFor(
        async () => {
          const job = await getJob(res.body.id);
          return job.state === 'running' && job.processedRows === expected ? job : undefined;
        },
        { description: `progress ${expected}` },
      );
      expect(running).toMatchObject({ totalRows: 151, createdCount: 0, startedAt: expect.any(String), finishedAt: null });
      // The rows written so far are not committed: nobody else sees them.
      const visible = await t.dataSource.query(`SELECT count(*)::int AS n FROM asset_ci WHERE asset_tag LIKE 'PROG-%'`);
      expect(visible[0].n).toBe(0);
      await blocker.rollbackTransaction();

      const done = await waitForJob(res.body.id);
      expect(done).toMatchObject({ state: 'succeeded', totalRows: 151, processedRows: 151, createdCount: 151 });
      expect(await writtenBy(res.body.id)).toEqual({ cis: 151, events: 151 });
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('lets two replicas share the queue without running a job twice', async () => {
    // A second runner on the same database: another replica.
    const replica = new AssetImportRunner(
      t.dataSource,
      t.app.get(AssetImportJobsRepository),
      t.app.get(AssetImportValidator),
      t.app.get(CiWriter),
    );
    // No asset tags: nothing but the claim would stop a second run from creating the CIs again.
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await insertJob(laptops(`R${i}`, 30, false), { state: 'queued' }));
    replica.kick();
    runner().kick();
    for (const id of ids) {
      expect(await waitForJob(id)).toMatchObject({ state: 'succeeded', createdCount: 30 });
      expect(await writtenBy(id)).toEqual({ cis: 30, events: 30 });
    }
    await replica.whenIdle();
  });

  it('takes up a job whose replica died (silent beyond the claim timeout), but not one whose holder is alive', async () => {
    const alive = await insertJob(laptops('ALIVE', 2), { state: 'running', heartbeatAgoMs: 1_000, claimToken: randomUUID() });
    const dead = await insertJob(laptops('DEAD', 3), { state: 'running', heartbeatAgoMs: 10 * 60_000, claimToken: randomUUID() });
    runner().kick();
    expect(await waitForJob(dead)).toMatchObject({ state: 'succeeded', processedRows: 3, createdCount: 3 });
    await runner().whenIdle();
    expect(await getJob(alive)).toMatchObject({ state: 'running', createdCount: 0 });
    expect(await writtenBy(alive)).toEqual({ cis: 0, events: 0 });
    await t.dataSource.query(`UPDATE asset_import_job SET state = 'failed', claim_token = NULL WHERE id = $1`, [alive]);
  });

  it('fails a job whose file no longer passes when it runs (a tag taken since the upload), writing nothing', async () => {
    const taken = await as(t, t.people.assetManager).post('/assets', {
      type: 'laptop',
      name: 'Took the tag',
      assetTag: 'LATE-2',
    });
    expect(taken.status).toBe(201);
    const id = await insertJob(laptops('LATE', 3), { state: 'queued' });
    runner().kick();
    const job = await waitForJob(id);
    expect(job).toMatchObject({
      state: 'failed',
      processedRows: 0,
      createdCount: 0,
      error: expect.stringMatching(/no longer passes.*1 problem; nothing was imported$/),
      problems: [{ row: 3, field: 'assetTag', reason: `is already the asset tag of ${taken.body.number}` }],
    });
    expect(await writtenBy(id)).toEqual({ cis: 0, events: 0 });
  });

  it('puts a job in hand back in the queue when the replica stops, with nothing written', async () => {
    const licence = await as(t, t.people.assetManager).post('/assets', {
      type: 'licence',
      name: 'Shutdown licence',
      seatsOwned: 5,
    });
    const csv = toCsv(
      ['type', 'name', 'licence'],
      [
        ['saas_account', 'Waits for the licence', licence.body.number],
        ...Array.from({ length: 5 }, (_, i) => ['laptop', `後 ${i}`, '']),
      ],
    );
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query(`SELECT id FROM asset_ci WHERE id = $1 FOR UPDATE`, [licence.body.id]);
      const res = await postCsv(csv);
      expect(res.status).toBe(202);
      await waitFor(async () => (await getJob(res.body.id)).state === 'running', { description: 'the job to start' });
      const stopped = runner().beforeApplicationShutdown();
      await blocker.rollbackTransaction();
      await stopped;
      expect(await getJob(res.body.id)).toMatchObject({ state: 'queued', processedRows: 0, createdCount: 0 });
      expect(await writtenBy(res.body.id)).toEqual({ cis: 0, events: 0 });
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });
});
