import { ConfigValidationError, loadConfig } from '@helpdesk/config';
import { GatewayConfig } from './gateway.config';

describe('GatewayConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig(GatewayConfig, {});
    expect(config).toMatchObject({
      DATABASE_NAME: 'helpdesk_gateway',
      PORT: 3000,
      ACCESS_TOKEN_TTL: '15m',
      REFRESH_TOKEN_TTL: '7d',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: 5,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 50,
      LOGIN_MAX_FAILURES_PER_IP: 20,
      LOGIN_FAILURE_WINDOW: '15m',
      SEED_DEMO: false,
      DEMO_PASSWORD: 'demo-password-1',
    });
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.loginFailureWindowMs).toBe(900_000);
    expect(config.corsOrigins).toEqual([]);
    expect(config.trustProxy).toBe(false);
  });

  it('reads booleans, lists and durations from strings', () => {
    const config = loadConfig(GatewayConfig, {
      SEED_DEMO: 'true',
      CORS_ORIGINS: 'http://localhost:4200,https://desk.example.com',
      TRUST_PROXY: 'loopback',
      ACCESS_TOKEN_TTL: '2s',
    });
    expect(config.SEED_DEMO).toBe(true);
    expect(config.corsOrigins).toEqual(['http://localhost:4200', 'https://desk.example.com']);
    expect(config.trustProxy).toBe('loopback');
    expect(config.accessTokenTtlSeconds).toBe(2);
    expect(loadConfig(GatewayConfig, { SEED_DEMO: 'false', TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('names each bad variable', () => {
    try {
      loadConfig(GatewayConfig, {
        ACCESS_TOKEN_TTL: 'forever',
        INCIDENT_SERVICE_URL: 'incident:3001',
        DEMO_PASSWORD: 'short',
        CORS_ORIGINS: 'localhost',
        SEED_DEMO: 'perhaps',
      });
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      expect((e as ConfigValidationError).problems.map((p) => p.variable).sort()).toEqual([
        'ACCESS_TOKEN_TTL',
        'CORS_ORIGINS',
        'DEMO_PASSWORD',
        'INCIDENT_SERVICE_URL',
        'SEED_DEMO',
      ]);
    }
  });
});
