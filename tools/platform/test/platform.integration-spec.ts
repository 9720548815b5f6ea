/**
 * End to end: `npm start`'s orchestrator brings the platform up on real PostgreSQL and Kafka, every
 * demo login works with its role, and SIGTERM shuts it down cleanly.
 */
import { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from '@helpdesk/contracts';
import { GatewayClient } from './support/gateway-client';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describe('platform (npm start)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('platform');
  }, 240_000);

  afterAll(async () => {
    await platform?.dispose();
  });

  it('prints the URLs and every demo login', () => {
    expect(platform.output()).toContain(`http://localhost:${platform.gatewayPort}/api/docs`);
    for (const login of DEMO_LOGINS) expect(platform.output()).toContain(login.email);
    expect(platform.output()).toContain(`Demo logins (password: ${DEFAULT_DEMO_PASSWORD})`);
  });

  it('lets every demo login sign in with its role', async () => {
    const gateway = new GatewayClient(platform.gatewayPort);
    for (const login of DEMO_LOGINS) {
      const res = await gateway.send('POST', '/auth/login', {
        body: { json: { email: login.email, password: DEFAULT_DEMO_PASSWORD } },
      });
      expect(res.status).toBe(200);
      expect(res.body.user.roles).toContain(login.role);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await platform.stop()).toBe(0);
    expect(platform.output()).toContain('[platform] stopped');
    await expect(fetch(`http://127.0.0.1:${platform.gatewayPort}/health/live`)).rejects.toThrow();
  });
});
