import { ConfigValidationError } from './config-validation.error';
import { envValue, loadConfig } from './load-config';
import { parseBoolean, toBoolean } from './boolean.transform';
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

describe('boolean variables and parameters (one parser)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' yes ', true],
    ['1', true],
    ['on', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ])('%j → %s', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
    expect(loadConfig(ServiceConfig, { DB_MIGRATIONS_RUN: raw }).DB_MIGRATIONS_RUN).toBe(expected);
  });

  it('refuses anything else instead of reading it as false', () => {
    expect(parseBoolean('maybe')).toBe('maybe');
    expect(parseBoolean(undefined)).toBeUndefined();
    expect(() => loadConfig(ServiceConfig, { DB_MIGRATIONS_RUN: 'maybe' })).toThrow(/DB_MIGRATIONS_RUN: must be true or false/);
  });

  it('reads the raw value, not the implicitly converted one', () => {
    expect(toBoolean({ obj: { flag: 'false' }, key: 'flag', value: true })).toBe(false);
    expect(toBoolean({ value: 'true' })).toBe(true);
  });
});

describe('envValue', () => {
  it('treats an empty variable as unset, like loadConfig', () => {
    expect(envValue({ DEMO_PASSWORD: '' }, 'DEMO_PASSWORD')).toBeUndefined();
    expect(envValue({}, 'DEMO_PASSWORD')).toBeUndefined();
    expect(envValue({ DEMO_PASSWORD: 'secret-secret' }, 'DEMO_PASSWORD')).toBe('secret-secret');
  });
});
