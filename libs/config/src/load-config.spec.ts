import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

describe('loadConfig', () => {
  it('applies defaults and converts types from strings', () => {
    const config = loadConfig(ServiceConfig, { PORT: '3100', DB_MIGRATIONS_RUN: 'false' });
    expect(config.PORT).toBe(3100);
    expect(config.DB_MIGRATIONS_RUN).toBe(false);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.isProduction).toBe(false);
  });

  it('names every bad variable with a reason', () => {
    let error: unknown;
    try {
      loadConfig(ServiceConfig, { PORT: 'http', KAFKA_BROKERS: 'localhost', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'PORT']);
    expect((error as Error).message).toContain('KAFKA_BROKERS: must be a comma-separated list of host:port');
  });

  it('ignores empty variables so defaults hold', () => {
    expect(loadConfig(ServiceConfig, { LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });
});
