import { Logger } from '@nestjs/common';
import { DEFAULT_CONSUMER_OPTIONS, DEFAULT_RETRY_OPTIONS } from '../messaging.options';
import { KafkaEventServer } from './kafka-event.server';

const TOPIC = 'helpdesk.test.thing.v1';
type Step = 'admin.connect' | 'consumer.connect' | 'producer.connect' | 'consumer.subscribe' | 'consumer.run';

/** A kafkajs client whose calls either succeed, fail, or wait at a gate the test opens. */
class FakeKafka {
  readonly log: string[] = [];
  private readonly gates = new Map<Step, { promise: Promise<void>; open: () => void }>();
  private readonly failures = new Set<Step>();

  constructor(readonly name: string) {}

  holdAt(step: Step): () => void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gates.set(step, { promise, open });
    return open;
  }

  failAt(step: Step): void {
    this.failures.add(step);
  }

  /** Whether a consumer of this client is running now (run() resolved and no disconnect since). */
  get consuming(): boolean {
    return this.after('consumer.run done', 'consumer.disconnect');
  }

  /** Whether this client's consumer or producer holds a connection (connected and no disconnect since). */
  get connected(): boolean {
    return (
      this.after('consumer.connect done', 'consumer.disconnect') || this.after('producer.connect done', 'producer.disconnect')
    );
  }

  private after(event: string, undo: string): boolean {
    const at = this.log.lastIndexOf(event);
    return at >= 0 && this.log.lastIndexOf(undo) < at;
  }

  private call(step: Step): () => Promise<void> {
    return async () => {
      this.log.push(step);
      await this.gates.get(step)?.promise;
      if (this.failures.has(step)) throw new Error(`${step} failed`);
      this.log.push(`${step} done`);
    };
  }

  private part(kind: 'admin' | 'consumer' | 'producer'): object {
    return {
      connect: this.call(`${kind}.connect` as Step),
      disconnect: async () => void this.log.push(`${kind}.disconnect`),
      subscribe: this.call('consumer.subscribe'),
      listTopics: async () => [TOPIC, `${TOPIC}.dlq`],
      run: this.call('consumer.run'),
      on: () => undefined,
      events: { CONNECT: 'c', DISCONNECT: 'd', REBALANCING: 'r', STOP: 's', CRASH: 'x' },
    };
  }

  admin = () => this.part('admin');
  consumer = () => this.part('consumer');
  producer = () => this.part('producer');
}

const servers: KafkaEventServer[] = [];

function serverWith(clients: FakeKafka[], topics: boolean): KafkaEventServer {
  const server = new KafkaEventServer({
    brokers: ['127.0.0.1:1'],
    clientId: 'test',
    groupId: 'test-group',
    retry: DEFAULT_RETRY_OPTIONS,
    consumer: DEFAULT_CONSUMER_OPTIONS,
    topics: topics ? { partitions: 1, replicationFactor: 1 } : false,
  });
  server.addHandler(TOPIC, async () => undefined, true);
  const queue = [...clients];
  jest.spyOn(server, 'createClient').mockImplementation(() => {
    const next = queue.shift();
    if (!next) throw new Error('no more fake clients');
    return next;
  });
  servers.push(server);
  return server;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('KafkaEventServer start-up and shutdown', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));
  afterEach(async () => {
    jest.useRealTimers();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const steps: Step[] = ['admin.connect', 'consumer.connect', 'producer.connect', 'consumer.subscribe', 'consumer.run'];

  it.each(steps)('leaves nothing running when close() comes while a restart waits on %s', async (step) => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const first = new FakeKafka('first');
    first.failAt('consumer.connect'); // the broker is down at start-up: a restart gets scheduled
    const second = new FakeKafka('second');
    const open = second.holdAt(step);
    const server = serverWith([first, second], true);

    await new Promise<void>((resolve) => void server.listen(() => resolve()));
    expect(first.consuming).toBe(false);
    await jest.advanceTimersByTimeAsync(1500); // the restart's back-off
    expect(second.log).toContain(step);

    const closed = server.close();
    open();
    await closed;
    await flush();

    // Whatever the late restart created was disconnected after it connected, and nothing is left on the server.
    expect(second.consuming).toBe(false);
    expect(second.connected).toBe(false);
    expect(server.unwrap.bind(server)).toThrow('Not initialized');
  });

  it('leaves nothing running when close() comes during the first start (listen)', async () => {
    const only = new FakeKafka('only');
    const open = only.holdAt('producer.connect');
    const server = serverWith([only], false);
    const listening = new Promise<void>((resolve) => void server.listen(() => resolve()));
    await flush();
    expect(only.log).toContain('producer.connect');

    const closed = server.close();
    open();
    await Promise.all([closed, listening]);
    await flush();

    expect(only.log).not.toContain('consumer.run');
    expect(only.consuming).toBe(false);
    expect(only.connected).toBe(false);
  });

  it('starts consuming when nobody closes it, and close() then stops the consumer', async () => {
    const only = new FakeKafka('only');
    const server = serverWith([only], true);
    await new Promise<void>((resolve) => void server.listen(() => resolve()));
    expect(only.consuming).toBe(true);
    expect(only.log).toContain('admin.disconnect');
    await server.close();
    expect(only.consuming).toBe(false);
    expect(only.connected).toBe(false);
  });
});
