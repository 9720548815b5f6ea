import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('is up only when every check is up', async () => {
    const registry = new HealthRegistry();
    registry.register('database', async () => ({ status: 'up' }));
    expect((await registry.readiness()).status).toBe('up');
    registry.register('kafka', async () => ({ status: 'down', detail: 'broker unreachable' }));
    const result = await registry.readiness();
    expect(result.status).toBe('down');
    expect(result.checks.kafka.detail).toBe('broker unreachable');
  });

  it('turns a throwing or hanging check into down', async () => {
    const registry = new HealthRegistry();
    registry.register('throws', async () => {
      throw new Error('connection refused');
    });
    registry.register('hangs', () => new Promise(() => undefined));
    const result = await registry.readiness(50);
    expect(result.checks.throws).toEqual({ status: 'down', detail: 'connection refused' });
    expect(result.checks.hangs.status).toBe('down');
  });

  it('goes down while shutting down', async () => {
    const registry = new HealthRegistry();
    registry.markShuttingDown();
    expect((await registry.readiness()).status).toBe('down');
  });
});
