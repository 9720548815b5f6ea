import { parseBrokers, resolveMessagingOptions } from './messaging.options';

describe('resolveMessagingOptions', () => {
  it('fills in the defaults', () => {
    const o = resolveMessagingOptions({
      serviceName: 'incident-service',
      brokers: 'k1:9092, k2:9092',
      publishes: ['a', 'a'],
      consumes: ['b'],
    });
    expect(o).toMatchObject({
      brokers: ['k1:9092', 'k2:9092'],
      consumerGroup: 'incident-service',
      publishes: ['a'],
      topics: { partitions: 3, replicationFactor: 1 },
      relay: { enabled: true, pollIntervalMs: 250, maxBackoffMs: 5000, retentionMs: 7 * 24 * 3600 * 1000 },
      inbox: { retentionMs: 30 * 24 * 3600 * 1000, pruneIntervalMs: 3600 * 1000 },
      retry: { attempts: 3, baseDelayMs: 200 },
    });
  });

  it('keeps what the service sets', () => {
    const o = resolveMessagingOptions({
      serviceName: 's',
      brokers: ['k:1'],
      consumerGroup: 'g',
      publishes: [],
      consumes: [],
      relay: { pollIntervalMs: 50 },
      retry: { attempts: 5 },
      topics: { partitions: 6 },
    });
    expect(o.consumerGroup).toBe('g');
    expect(o.relay).toMatchObject({ pollIntervalMs: 50, batchSize: 100 });
    expect(o.retry).toEqual({ attempts: 5, baseDelayMs: 200, maxDelayMs: 5000 });
    expect(o.topics).toEqual({ partitions: 6, replicationFactor: 1 });
  });

  it('refuses what cannot work', () => {
    expect(() => parseBrokers(' , ')).toThrow('at least one Kafka broker');
    expect(() =>
      resolveMessagingOptions({ serviceName: 's', brokers: 'k:1', publishes: [], consumes: [], retry: { attempts: 0 } }),
    ).toThrow('retry.attempts');
  });
});
