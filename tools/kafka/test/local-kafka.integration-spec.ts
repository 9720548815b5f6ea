import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { findFreePort, LocalKafka } from '../src';

const TOPIC = 'itest.tickets.events';

async function freePorts(): Promise<[number, number]> {
  const first = await findFreePort();
  let second = await findFreePort();
  while (second === first) second = await findFreePort();
  return [first, second];
}

/** Reads every message of the topic from the beginning with a fresh consumer group. */
async function readAll(brokers: string, expected: number): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'itest', brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `itest-${Date.now()}-${Math.random()}` });
  const values: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`got ${values.length}/${expected} messages`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          values.push(message.value?.toString() ?? '');
          if (values.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}

async function topics(brokers: string): Promise<string[]> {
  const admin = new Kafka({ clientId: 'itest', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('LocalKafka (real broker)', () => {
  let dataDir: string;
  let kafka: LocalKafka;

  beforeAll(async () => {
    const [port, controllerPort] = await freePorts();
    dataDir = mkdtempSync(join(tmpdir(), 'local-kafka-it-'));
    kafka = new LocalKafka({ port, controllerPort, dataDir });
  });

  afterAll(async () => {
    await kafka?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, and a topic accepts and delivers a message', async () => {
    await kafka.start();
    expect(kafka.isRunning()).toBe(true);

    const client = new Kafka({ clientId: 'itest', brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }] });
    await admin.disconnect();

    const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ key: 'INC-1', value: 'incident opened' }] });
    await producer.disconnect();

    expect(await readAll(kafka.brokers, 1)).toEqual(['incident opened']);
  });

  it('stops: the JVM is gone and the pid file removed', async () => {
    const pid = kafka.pid as number;
    await kafka.stop();
    expect(gone(pid)).toBe(true);
    expect(kafka.isRunning()).toBe(false);
    expect(existsSync(kafka.pidFile)).toBe(false);
  });

  it('restarts on the same data dir with its topics and messages', async () => {
    await kafka.start();
    expect(await topics(kafka.brokers)).toContain(TOPIC);
    expect(await readAll(kafka.brokers, 1)).toEqual(['incident opened']);
  });

  it('recovers after a crash (SIGKILL, stale pid file)', async () => {
    const pid = kafka.pid as number;
    await kafka.kill();
    expect(gone(pid)).toBe(true);

    await kafka.start();
    expect(kafka.pid).not.toBe(pid);
    expect(await readAll(kafka.brokers, 1)).toEqual(['incident opened']);
    await kafka.stop();
    expect(kafka.isRunning()).toBe(false);
  });
});
