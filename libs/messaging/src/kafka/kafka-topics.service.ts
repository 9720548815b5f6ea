import { HealthCheckResult, withTimeout } from '@helpdesk/observability';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../messaging.options';
import { Backoff, WakeableSleep } from '../retry-backoff';
import { kafkaClientConfig } from './kafka-client.config';
import { ensureTopicsExist } from './kafka-topic-admin';

/** Creates the service's topics (and their .dlq) and answers the 'kafka' readiness check. */
@Injectable()
export class KafkaTopicsService {
  private readonly logger = new Logger(KafkaTopicsService.name);
  private readonly kafka: Kafka;
  // A separate client for probes: no retries, so a readiness check answers within its timeout.
  private readonly probeKafka: Kafka;
  private readonly shutdown = new WakeableSleep();
  private closed = false;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions) {
    const clientId = `${options.serviceName}-admin`;
    this.kafka = new Kafka(kafkaClientConfig({ brokers: options.brokers, clientId }));
    this.probeKafka = new Kafka(
      kafkaClientConfig({
        brokers: options.brokers,
        clientId,
        retry: { retries: 0 },
        connectionTimeoutMs: 1500,
        requestTimeoutMs: 2000,
      }),
    );
  }

  /** Creates each topic and its `.dlq` if missing (partitions and replication factor from config). */
  async ensure(topics: string[]): Promise<string[]> {
    if (topics.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopicsExist(admin, topics, this.options.topics);
      if (created.length > 0) this.logger.log(`Created Kafka topics: ${created.join(', ')}`);
      return created;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** The topics this service publishes or consumes. */
  get declaredTopics(): string[] {
    return [...new Set([...this.options.publishes, ...this.options.consumes])];
  }

  /**
   * Start-up: one try that the caller awaits; when Kafka is down the service still starts (writes
   * go to the outbox) and the topics are created in the background as soon as Kafka answers.
   */
  async ensureDeclaredTopicsAtStartup(): Promise<void> {
    try {
      await this.ensure(this.declaredTopics);
    } catch (err) {
      this.logger.warn(`Cannot create Kafka topics yet (${(err as Error).message}); retrying in the background`);
      void this.retryInBackground();
    }
  }

  /** Readiness: the cluster answers a metadata request within timeoutMs. */
  async check(timeoutMs = 2000): Promise<HealthCheckResult> {
    const admin = this.probeKafka.admin();
    try {
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
        `no answer within ${timeoutMs} ms`,
      );
      return { status: 'up', detail: `${cluster.brokers.length} broker(s)` };
    } catch (err) {
      return { status: 'down', detail: (err as Error).message };
    } finally {
      void admin.disconnect().catch(() => undefined);
    }
  }

  close(): void {
    this.closed = true;
    this.shutdown.wake();
  }

  private async retryInBackground(): Promise<void> {
    const backoff = new Backoff({ baseMs: 1000, maxMs: 30_000, jitter: 0.2 });
    while (!this.closed) {
      await this.shutdown.sleep(backoff.fail());
      if (this.closed) return;
      try {
        await this.ensure(this.declaredTopics);
        this.logger.log('Kafka topics are in place');
        return;
      } catch {
        // Still down: logged once above; the 'kafka' readiness check reports it meanwhile.
      }
    }
  }
}
