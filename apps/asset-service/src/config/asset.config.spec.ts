import { ConfigValidationError, loadConfig } from '@helpdesk/config';
import { AssetConfig } from './asset.config';

describe('AssetConfig', () => {
  it('defaults: port 3004, its own database, 3 incidents in 30 days flag a CI', () => {
    const config = loadConfig(AssetConfig, {});
    expect(config).toMatchObject({ PORT: 3004, DATABASE_NAME: 'helpdesk_asset', PROBLEMATIC_CI_INCIDENTS: 3 });
    expect(config.problematicWindowMs).toBe(30 * 86_400_000);
  });

  it('stops the start with every bad variable named', () => {
    let error: unknown;
    try {
      loadConfig(AssetConfig, { PROBLEMATIC_CI_INCIDENTS: '0', PROBLEMATIC_CI_WINDOW: 'a month', IMPORT_MAX_BYTES: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems.map((p) => p.variable).sort()).toEqual([
      'IMPORT_MAX_BYTES',
      'PROBLEMATIC_CI_INCIDENTS',
      'PROBLEMATIC_CI_WINDOW',
    ]);
  });
});
