import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resolveMessagingOptions } from '../messaging.options';
import { InboxService } from './inbox.service';

function inboxWith(counts: number[], inbox = {}) {
  const query = jest.fn(async (_sql: string, _params: unknown[]) => [{ count: counts.shift() ?? 0 }]);
  const options = resolveMessagingOptions({ serviceName: 'svc', brokers: 'k:1', publishes: [], consumes: [], inbox });
  return { service: new InboxService({ query } as unknown as DataSource, options), query };
}

describe('InboxService pruning', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('keeps 30 days by default', () => {
    expect(resolveMessagingOptions({ serviceName: 's', brokers: 'k:1', publishes: [], consumes: [] }).inbox).toEqual({
      retentionMs: 30 * 24 * 3600 * 1000,
      pruneIntervalMs: 3600 * 1000,
    });
    expect(() =>
      resolveMessagingOptions({ serviceName: 's', brokers: 'k:1', publishes: [], consumes: [], inbox: { retentionMs: 0 } }),
    ).toThrow('inbox.retentionMs');
  });

  it('deletes chunk after chunk until a chunk comes back short', async () => {
    const { service, query } = inboxWith([2, 2, 1]);
    await expect(service.prune(1000, 2)).resolves.toBe(5);
    expect(query).toHaveBeenCalledTimes(3);
    expect(query.mock.calls[0][0]).toMatch(/DELETE FROM inbox_message/);
    expect(query.mock.calls[0][1]).toEqual([1000, 2]);
  });

  it('prunes at start and every interval with the configured retention, and stops cleanly', async () => {
    const { service, query } = inboxWith([], { retentionMs: 5000, pruneIntervalMs: 20 });
    service.startPruning();
    await new Promise((resolve) => setTimeout(resolve, 110));
    await service.stopPruning();
    const calls = query.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(query.mock.calls[0][1]).toEqual([5000, 5000]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(query.mock.calls.length).toBe(calls);
  });

  it('survives a failed prune and tries again at the next interval', async () => {
    const { service, query } = inboxWith([], { pruneIntervalMs: 20 });
    query.mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    service.startPruning();
    await new Promise((resolve) => setTimeout(resolve, 70));
    await service.stopPruning();
    expect(query.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
