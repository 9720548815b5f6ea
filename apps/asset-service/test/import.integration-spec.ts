import { randomUUID } from 'node:crypto';
import { AssetEventPayload, EventEnvelope, Topics } from '@helpdesk/contracts';
import { toCsv } from '@helpdesk/csv';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { as, AssetTestApp, startAssetService, TestPerson } from './support/asset-test-app';

const API = '/api/v1';

/** CSV import of CIs: dry run, validation of every row, the all-or-nothing job, limits and roles. */
describe('asset CSV import (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startAssetService('import', { IMPORT_MAX_BYTES: '20000' });
    recorder = await new TopicRecorder([Topics.asset]).start();
    await waitFor(
      async () => {
        const people = Object.values(t.people);
        const rows: unknown[] = await t.dataSource.query(`SELECT id FROM asset_person WHERE id = ANY($1::uuid[]) AND active`, [
          people.map((p) => p.id),
        ]);
        return rows.length === people.length;
      },
      { description: 'the directory copy of the people' },
    );
    const manager = as(t, t.people.assetManager);
    for (const [type, key, dataType] of [
      ['laptop', 'cpu', 'string'],
      ['laptop', 'memory_gb', 'number'],
    ]) {
      const res = await manager.post(`/assets/types/${type}/attributes`, { key, labelJa: key, labelEn: key, dataType });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  async function postCsv(who: TestPerson, csv: string | Buffer, how: 'raw' | 'multipart' = 'raw', query = '') {
    const r = request(t.http)
      .post(`${API}/assets/import${query}`)
      .set('Authorization', await t.bearer(who));
    const body = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv;
    return how === 'multipart'
      ? r.attach('file', body, { filename: '資産台帳 2025 📦.csv', contentType: 'text/csv' })
      : r.set('Content-Type', 'text/csv; charset=utf-8').send(body);
  }

  async function waitForJob(id: string) {
    return waitFor(
      async () => {
        const res = await as(t, t.people.assetManager).get(`/assets/import/${id}`);
        expect(res.status).toBe(200);
        return res.body.state === 'succeeded' || res.body.state === 'failed' ? res.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, description: `import ${id} to finish` },
    );
  }

  /** Rows of what an import writes: nothing may change when a file is refused or dry-run. */
  async function writtenCounts() {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM asset_ci)::int AS cis, (SELECT count(*) FROM asset_ci_history)::int AS history,
              (SELECT count(*) FROM outbox_message)::int AS outbox, (SELECT count(*) FROM asset_import_job)::int AS jobs`,
    );
    return row as { cis: number; history: number; outbox: number; jobs: number };
  }

  const assetEvents = () => recorder.values<EventEnvelope<AssetEventPayload>>(Topics.asset);

  it('dry-runs a good file (Japanese, emoji, attributes, licences, assignees) writing nothing, then imports it all', async () => {
    // An e-mail address of this suite only (parallel suites publish the same test people's addresses).
    const hanako: TestPerson = {
      id: randomUUID(),
      email: `hanako.${randomUUID().slice(0, 8)}@example.com`,
      name: '山田 花子 🌸',
      roles: ['employee'],
      department: '営業部',
    };
    await t.userEvent('created', hanako);
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM asset_person WHERE id = $1`, [hanako.id])).length === 1, {
      description: 'the new person in the directory copy',
    });
    const existingLicence = await as(t, t.people.assetManager).post('/assets', {
      type: 'licence',
      name: 'Adobe CC 既存',
      seatsOwned: 5,
    });
    expect(existingLicence.status).toBe(201);
    const csv = toCsv(
      [
        'Type',
        'name',
        'assetTag',
        'serialNumber',
        'manufacturer',
        'purchaseDate',
        'purchaseCost',
        'state',
        'licence',
        'assignedTo',
        'attr.cpu',
        'attr.memory_gb',
        'seatsOwned',
      ],
      [
        [
          'laptop',
          'ThinkPad X1（山田さん用）💻',
          'GOOD-001',
          'SN-良品-1',
          'Lenovo',
          '2025-04-01',
          '189000',
          '',
          '',
          hanako.email.toUpperCase(),
          'Core Ultra 7',
          '32',
          '',
        ],
        ['monitor', 'Dell 27" モニター 🖥️', 'GOOD-002', 'SN-良品-2', 'Dell', '', '45000.5', 'ordered', '', '', '', '', ''],
        ['licence', 'Microsoft 365 E3 ライセンス', '', '', 'Microsoft', '', '', '', '', '', '', '', '10'],
        [
          'saas_account',
          'M365 山田 花子 🌸',
          '',
          '',
          '',
          '',
          '',
          '',
          'Microsoft 365 E3 ライセンス',
          t.people.employee.id,
          '',
          '',
          '',
        ],
        ['software_installation', 'Photoshop on GOOD-001', '', '', '', '', '', '', existingLicence.body.number, '', '', '', ''],
      ],
      { bom: true },
    );
    const before = await writtenCounts();

    const dry = await postCsv(t.people.assetManager, csv, 'multipart', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      importable: true,
      fileName: '資産台帳 2025 📦.csv',
      counts: { rows: 5, valid: 5, invalid: 0 },
      problems: [],
      problemCount: 0,
    });
    expect(await writtenCounts()).toEqual(before);

    const res = await postCsv(t.people.assetManager, csv, 'raw', '?fileName=' + encodeURIComponent('資産台帳.csv'));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: expect.any(String), state: 'queued', fileName: '資産台帳.csv', totalRows: 5 });
    expect(res.headers.location).toBe(`${API}/assets/import/${res.body.id}`);

    const job = await waitForJob(res.body.id);
    expect(job).toMatchObject({
      id: res.body.id,
      state: 'succeeded',
      fileName: '資産台帳.csv',
      totalRows: 5,
      processedRows: 5,
      createdCount: 5,
      problems: [],
      error: null,
      createdAt: expect.any(String),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));

    // The CIs of this job: their creation is noted with the job's id.
    const cis: Array<Record<string, any>> = await t.dataSource.query(
      `SELECT c.id, c.number, c.type, c.name, c.state, c.asset_tag AS "assetTag", c.purchase_cost::text AS "purchaseCost",
              c.licence_id AS "licenceId", c.assigned_to_id AS "assignedToId", c.assigned_to_name AS "assignedToName",
              c.department, c.attributes, c.created_by_id AS "createdById"
         FROM asset_ci c JOIN asset_ci_history h ON h.ci_id = c.id
        WHERE h.action = 'created' AND h.note LIKE '%(import ' || $1 || ')'
        ORDER BY c.number`,
      [job.id],
    );
    expect(cis.map((c) => c.name)).toEqual([
      'ThinkPad X1（山田さん用）💻',
      'Dell 27" モニター 🖥️',
      'Microsoft 365 E3 ライセンス',
      'M365 山田 花子 🌸',
      'Photoshop on GOOD-001',
    ]);
    const [laptop, monitor, licence, saas, install] = cis;
    expect(laptop).toMatchObject({
      state: 'deployed',
      assetTag: 'GOOD-001',
      purchaseCost: '189000.00',
      assignedToId: hanako.id,
      assignedToName: hanako.name,
      department: hanako.department,
      attributes: { cpu: 'Core Ultra 7', memory_gb: 32 },
      createdById: t.people.assetManager.id,
    });
    expect(monitor).toMatchObject({ state: 'ordered', purchaseCost: '45000.50', assignedToId: null });
    expect(saas).toMatchObject({ licenceId: licence.id, assignedToId: t.people.employee.id, state: 'deployed' });
    expect(install.licenceId).toBe(existingLicence.body.id);

    const history: Array<{ action: string; actorId: string; note: string }> = await t.dataSource.query(
      `SELECT action, actor_id AS "actorId", note FROM asset_ci_history WHERE ci_id = $1`,
      [laptop.id],
    );
    expect(history).toEqual([
      { action: 'created', actorId: t.people.assetManager.id, note: `Imported from 資産台帳.csv, row 2 (import ${job.id})` },
    ]);

    for (const ci of cis) {
      const created = await waitFor(() => assetEvents().find((e) => e.aggregateId === ci.id && e.type === 'asset.created'), {
        description: `asset.created of ${ci.number}`,
      });
      expect(created.payload.detail).toEqual({ origin: 'import', importJobId: job.id });
      expect(created.payload.ci).toMatchObject({ id: ci.id, number: ci.number, name: ci.name });
      expect(created.actor).toEqual({ id: t.people.assetManager.id, role: 'asset_manager' });
    }
  });

  it('reports every bad row with row, column and reason, and writes nothing, also when not a dry run', async () => {
    expect(
      (await as(t, t.people.assetManager).post('/assets', { type: 'laptop', name: 'taken', assetTag: 'TAKEN-1' })).status,
    ).toBe(201);
    const csv = [
      'type,name,AssetTag,purchaseDate,PurchaseCost,macAddress,assignedTo,attr.memory_gb,seatsOwned',
      'laptop,良いノート,BAD-OK-1,2025-01-31,1000,,,8,',
      'toaster,🍞,,,,,,,',
      'laptop,,BAD-2,2025-02-30,-5,zz:zz,,lots,',
      'laptop,Taken tag,TAKEN-1,,,,nobody@example.com,,',
      'licence,No seats,,,,,,,',
      'laptop,"Short row",x',
      'monitor,Monitor with seats,,,,,,,3',
      'laptop,Another good one,BAD-OK-2,,,,,,',
    ].join('\r\n');
    const before = await writtenCounts();

    const dry = await postCsv(t.people.admin, csv, 'raw', '?dryRun=true');
    expect(dry.status).toBe(200);
    const expected = [
      { row: 3, field: 'type', reason: expect.stringMatching(/^must be one of laptop, desktop/) },
      { row: 4, field: 'name', reason: 'is required' },
      { row: 4, field: 'purchaseDate', reason: 'must be a real date YYYY-MM-DD' },
      { row: 4, field: 'PurchaseCost', reason: 'must not be negative' },
      { row: 4, field: 'macAddress', reason: expect.stringMatching(/^must be a MAC address/) },
      { row: 4, field: 'attr.memory_gb', reason: 'must be a number' },
      { row: 5, field: 'assignedTo', reason: 'is no known person (nobody@example.com)' },
      { row: 5, field: 'AssetTag', reason: expect.stringMatching(/^is already the asset tag of CI-\d{5}$/) },
      { row: 6, field: 'seatsOwned', reason: 'is required for licence' },
      { row: 7, field: null, reason: 'Expected 9 fields as in the header, found 3' },
      { row: 8, field: 'seatsOwned', reason: 'does not apply to monitor' },
    ];
    expect(dry.body).toEqual({
      dryRun: true,
      importable: false,
      fileName: 'upload.csv',
      counts: { rows: 8, valid: 2, invalid: 6 },
      problems: expected,
      problemCount: expected.length,
    });
    expect(await writtenCounts()).toEqual(before);

    const refused = await postCsv(t.people.admin, csv, 'multipart');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      statusCode: 400,
      code: 'ASSET_IMPORT_BAD_ROWS',
      message: expect.stringContaining('nothing was imported'),
    });
    expect(refused.body.details).toEqual(
      dry.body.problems.map((p: { field: string | null }) => ({ ...p, field: p.field ?? 'file' })),
    );
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses asset tags used twice in the file, naming the earlier row', async () => {
    const csv = 'type,name,assetTag\nlaptop,A,DUP-1\nlaptop,B,DUP-2\nlaptop,C,DUP-1\nmonitor,D,DUP-1\n';
    const before = await writtenCounts();
    const dry = await postCsv(t.people.assetManager, csv, 'raw', '?dryRun=true');
    expect(dry.body.problems).toEqual([
      { row: 4, field: 'assetTag', reason: 'duplicates the asset tag of row 2' },
      { row: 5, field: 'assetTag', reason: 'duplicates the asset tag of row 2' },
    ]);
    const res = await postCsv(t.people.assetManager, csv);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { row: number }) => d.row)).toEqual([4, 5]);
    expect(await writtenCounts()).toEqual(before);
  });

  it('takes a licence created on an earlier row, and refuses one that only comes on a later row', async () => {
    const later = 'type,name,seatsOwned,licence\nsaas_account,Slack 田中,,Slack Pro\nlicence,Slack Pro,3,\n';
    const dry = await postCsv(t.people.assetManager, later, 'raw', '?dryRun=true');
    expect(dry.body.problems).toEqual([
      {
        row: 2,
        field: 'licence',
        reason: 'is the licence of row 3, which comes later: put licence rows before the rows that use them',
      },
    ]);
    expect((await postCsv(t.people.assetManager, later)).status).toBe(400);

    const earlier =
      'type,name,seatsOwned,licence\nlicence,Slack Pro,3,\nsaas_account,Slack 田中,,Slack Pro\nsaas_account,Slack 鈴木,,Slack Pro\n';
    const res = await postCsv(t.people.assetManager, earlier);
    expect(res.status).toBe(202);
    expect(await waitForJob(res.body.id)).toMatchObject({ state: 'succeeded', createdCount: 3 });
    const rows: Array<{ name: string; licence: string | null }> = await t.dataSource.query(
      `SELECT c.name, l.name AS licence FROM asset_ci c LEFT JOIN asset_ci l ON l.id = c.licence_id
        WHERE c.name IN ('Slack 田中', 'Slack 鈴木') ORDER BY c.number`,
    );
    expect(rows).toEqual([
      { name: 'Slack 田中', licence: 'Slack Pro' },
      { name: 'Slack 鈴木', licence: 'Slack Pro' },
    ]);
  });

  it('reads back its own list export: aliases, read-only columns passed over, defused formulas restored', async () => {
    const manager = as(t, t.people.assetManager);
    const tag = `RT-${randomUUID().slice(0, 8)}`;
    const made = await manager.post('/assets', {
      type: 'laptop',
      name: '=HYPERLINK("x") 往復テスト 🔁',
      manufacturer: 'Lenovo',
      assetTag: tag,
      attributes: { cpu: 'i7', memory_gb: 16 },
    });
    expect(made.status).toBe(201);
    const exported = await manager.get(`/assets?format=csv&q=${tag}`);
    expect(exported.status).toBe(200);
    const csv = String(exported.text ?? exported.body).replace(/^\uFEFF/, '');
    expect(csv).toContain(`'=HYPERLINK`);
    // Into the same CMDB the tag is taken (the file is understood, row by row); without it the row is importable.
    const again = await postCsv(t.people.assetManager, csv, 'raw', '?dryRun=true');
    expect(again.status).toBe(200);
    expect(again.body.problems).toEqual([expect.objectContaining({ row: 2, field: 'assetTag' })]);
    const withoutTag = csv.replace(tag, '');
    const fresh = await postCsv(t.people.assetManager, withoutTag, 'raw', '?dryRun=true');
    expect(fresh.body).toMatchObject({ importable: true, counts: { rows: 1, valid: 1, invalid: 0 } });
    const job = await postCsv(t.people.assetManager, withoutTag);
    expect(job.status).toBe(202);
    expect((await waitForJob(job.body.id)).state).toBe('succeeded');
    const copies = await manager.get(`/assets?q=${encodeURIComponent('往復テスト')}`);
    const copy = copies.body.items.find((c: { id: string }) => c.id !== made.body.id);
    expect(copy).toMatchObject({ name: '=HYPERLINK("x") 往復テスト 🔁', attributes: { cpu: 'i7', memory_gb: 16 } });
  });

  it('refuses an unknown column on the header with 400, also in a dry run', async () => {
    const before = await writtenCounts();
    for (const query of ['', '?dryRun=true']) {
      const res = await postCsv(t.people.assetManager, 'type,name,asset_tag,colour\nlaptop,A,X,red\n', 'raw', query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ASSET_IMPORT_BAD_FILE');
      expect(res.body.details).toEqual([
        { row: 1, field: 'asset_tag', reason: expect.stringMatching(/^is not a column of the asset import/) },
        { row: 1, field: 'colour', reason: expect.stringMatching(/^is not a column of the asset import/) },
      ]);
    }
    const headerOnly = await postCsv(t.people.assetManager, 'type,name\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.details).toEqual([{ row: 1, field: 'file', reason: 'The file has a header but no data rows' }]);
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses malformed CSV (an unterminated quote) with 400 naming the row', async () => {
    const csv = 'type,name,assetTag\nlaptop,Fine,Q-1\nlaptop,"Never closed,Q-2\nlaptop,Lost,Q-3\n';
    const before = await writtenCounts();
    const res = await postCsv(t.people.assetManager, csv);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { row: 3, field: 'file', reason: 'Unterminated quoted field: a quote was opened and never closed' },
    ]);
    const dry = await postCsv(t.people.assetManager, csv, 'raw', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      importable: false,
      problems: [{ row: 3, field: null, reason: expect.stringMatching(/^Unterminated/) }],
    });
    const notUtf8 = await postCsv(
      t.people.assetManager,
      Buffer.concat([Buffer.from('type,name\nlaptop,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
    );
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.details).toEqual([{ row: 2, field: 'file', reason: 'The file is not valid UTF-8; parsing stopped' }]);
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses a file over IMPORT_MAX_BYTES with 413, as a body or as a multipart file', async () => {
    const big = 'type,name\n' + 'laptop,Too many laptops 💻\n'.repeat(1000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(20_000);
    const before = await writtenCounts();
    for (const how of ['raw', 'multipart'] as const) {
      const res = await postCsv(t.people.assetManager, big, how, '?dryRun=true');
      expect({ how, status: res.status }).toEqual({ how, status: 413 });
      expect(res.body.statusCode).toBe(413);
    }
    expect((await postCsv(t.people.assetManager, big)).status).toBe(413);
    expect(await writtenCounts()).toEqual(before);
  });

  it('is for asset managers and admins only; agents and employees get 403; unknown jobs 404', async () => {
    const csv = 'type,name\nlaptop,Role test\n';
    for (const who of [t.people.agent, t.people.employee]) {
      expect((await postCsv(who, csv)).status).toBe(403);
      expect((await postCsv(who, csv, 'raw', '?dryRun=true')).status).toBe(403);
    }
    const ok = await postCsv(t.people.admin, csv);
    expect(ok.status).toBe(202);
    for (const who of [t.people.agent, t.people.employee]) {
      expect((await as(t, who).get(`/assets/import/${ok.body.id}`)).status).toBe(403);
    }
    expect((await as(t, t.people.admin).get(`/assets/import/${ok.body.id}`)).status).toBe(200);
    expect((await as(t, t.people.admin).get('/assets/import/3f1c1a9e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await as(t, t.people.admin).get('/assets/import/nonsense')).status).toBe(404);
    expect((await request(t.http).post(`${API}/assets/import`).set('Content-Type', 'text/csv').send(csv)).status).toBe(401);
    const wrongType = await request(t.http)
      .post(`${API}/assets/import`)
      .set('Authorization', await t.bearer(t.people.admin))
      .send({ csv });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details).toEqual([{ field: 'file', reason: expect.stringMatching(/^is required/) }]);
    await waitForJob(ok.body.id);
  });

  it('describes its paths in the OpenAPI document', async () => {
    const doc = await request(t.http).get('/openapi.json');
    expect(doc.status).toBe(200);
    const post = doc.body.paths[`${API}/assets/import`].post;
    expect(Object.keys(post.requestBody.content)).toEqual(expect.arrayContaining(['multipart/form-data', 'text/csv']));
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '202', '400', '403', '413']));
    expect(doc.body.paths[`${API}/assets/import/{jobId}`].get.responses['200']).toBeDefined();
  });
});
