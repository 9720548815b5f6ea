import { EventEnvelope } from '@helpdesk/contracts';
import { createDataSource } from '@helpdesk/database';
import { ensureTopicsExist, kafkaClientConfig, messagingEntities, messagingMigrations } from '../src';
import { createTestDatabase, TestDatabase, testDatabaseServerUrl, testKafkaBrokers, waitFor } from '@helpdesk/testing';
import { Kafka, Partitioners } from 'kafkajs';
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { CREATE_EFFECT_TABLE } from './support/test-events';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.crash.v1`;
const GROUP = `crash-test-${run}`;
const EVENTS = 150;
const KEYS = 10;
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

interface Child {
  process: ChildProcess;
  outcomes: string[];
  ready: Promise<void>;
  closed: () => boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts test/support/inbox-consumer.app.ts as its own process. */
function startChild(database: string): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'support', 'inbox-consumer.app.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: testDatabaseServerUrl(),
      CHILD_DATABASE: database,
      CHILD_TOPIC: TOPIC,
      CHILD_GROUP: GROUP,
      CHILD_HANDLER_DELAY_MS: '20',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const outcomes: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let closed = false;
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.startsWith('@@'))) {
      const report = JSON.parse(line.slice(2)) as { ready?: boolean; outcome?: string; closed?: unknown };
      if (report.ready) markReady();
      if (report.closed) closed = true;
      if (report.outcome) outcomes.push(report.outcome);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  return { process: child, outcomes, ready, closed: () => closed, exited };
}

function envelope(n: number): EventEnvelope {
  const key = `thing-${n % KEYS}`;
  return {
    id: uuidv7(),
    type: 'test.thing.changed',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'crash-test',
    aggregateType: 'thing',
    aggregateId: key,
    sequence: Math.floor(n / KEYS) + 1,
    correlationId: `corr-${n}`,
    causationId: null,
    actor: { id: 'crash-test', role: 'system' },
    payload: { n },
  };
}

describe('a consumer killed mid-batch', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const children: Child[] = [];

  const effects = async (): Promise<{ total: number; distinct: number }> => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM test_effect`,
    );
    return row;
  };

  beforeAll(async () => {
    db = await createTestDatabase('messaging_crash');
    dataSource = createDataSource({
      serverUrl: db.serverUrl,
      database: db.name,
      entities: messagingEntities,
      migrations: messagingMigrations,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(CREATE_EFFECT_TABLE);

    const kafka = new Kafka(kafkaClientConfig({ brokers: testKafkaBrokers(), clientId: 'crash-test-setup' }));
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopicsExist(admin, [TOPIC], { partitions: 3, replicationFactor: 1 });
    await admin.disconnect();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = Array.from({ length: EVENTS }, (_, n) => envelope(n)).map((e) => ({
      key: e.aggregateId,
      value: JSON.stringify(e),
    }));
    await producer.send({ topic: TOPIC, messages });
    await producer.disconnect();
  });

  afterAll(async () => {
    for (const child of children)
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await dataSource?.destroy();
    await db?.drop();
  });

  it('resumes after a restart without losing an event or applying one twice', async () => {
    const first = startChild(db.name);
    children.push(first);
    await first.ready;
    await waitFor(async () => (await effects()).total >= 40, {
      timeoutMs: 60_000,
      description: 'the first consumer to apply 40 events',
    });
    first.process.kill('SIGKILL');
    await first.exited;
    const afterKill = await effects();
    expect(afterKill.total).toBeLessThan(EVENTS);

    const second = startChild(db.name);
    children.push(second);
    await waitFor(async () => (await effects()).total >= EVENTS, { timeoutMs: 90_000, description: `all ${EVENTS} effects` });
    // Give a double effect time to show up, should there be one.
    await new Promise((r) => setTimeout(r, 1500));

    expect(await effects()).toEqual({ total: EVENTS, distinct: EVENTS });
    const [inbox] = await dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE consumer_group = $1`, [GROUP]);
    expect(inbox.n).toBe(EVENTS);
    // The first consumer's uncommitted offsets came back to the second one, which skipped them.
    expect(second.outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThan(0);
    expect(second.outcomes.filter((o) => o === 'applied').length).toBe(EVENTS - afterKill.total);

    // SIGTERM closes the app (consumer, then database) before the process ends (Nest re-raises the signal).
    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(second.closed()).toBe(true);
  });
});
