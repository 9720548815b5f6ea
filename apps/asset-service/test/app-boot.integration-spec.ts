import { startAssetService, AssetTestApp } from './support/asset-test-app';

describe('asset service boots (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;
  beforeAll(async () => {
    t = await startAssetService('boot');
  });
  afterAll(async () => t?.close());

  it('migrates its database and answers health', async () => {
    const tables = await t.dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'asset_%' ORDER BY 1`);
    expect(tables.map((r: { tablename: string }) => r.tablename)).toEqual([
      'asset_attribute_definition',
      'asset_ci',
      'asset_ci_history',
      'asset_import_job',
      'asset_incident',
      'asset_person',
      'asset_relationship',
    ]);
  });
});
