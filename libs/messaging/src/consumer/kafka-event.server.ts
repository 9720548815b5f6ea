import { deadLetterTopic, EventEnvelope } from '@helpdesk/contracts';
import { RequestContext } from '@helpdesk/observability';
import { Logger } from '@nestjs/common';
import { KafkaContext, KafkaHeaders, ServerKafka } from '@nestjs/microservices';
import type { ConsumerCrashEvent, EachMessagePayload, IHeaders } from '@nestjs/microservices/external/kafka.interface';
import type { Admin } from 'kafkajs';
import { Registry } from 'prom-client';
import { isObservable, lastValueFrom } from 'rxjs';
import { ensureTopicsExist } from '../kafka/kafka-topic-admin';
import { Backoff, sleep } from '../retry-backoff';
import { ConsumerMetrics } from './consumer.metrics';
import { deadLetterHeaders, describeError } from './dead-letter';
import { DeadLetterReason, deliverMessage, NoHandlerError } from './event-delivery';
import { assertTopicPatterns, KafkaEventServerOptions, toServerKafkaOptions } from './kafka-event-server.options';

/**
 * Nest transport strategy for consuming events (never request-response), on top of ServerKafka:
 * - handlers get the parsed EventEnvelope, run inside RequestContext (correlation from the
 *   envelope, causation = the event's id) and are retried with back-off;
 * - what cannot be parsed, or keeps failing, goes to `<topic>.dlq` with the error in its headers
 *   and the consumer moves on (ServerKafka would rethrow into kafkajs, which re-runs the batch
 *   forever);
 * - subscribed topics and their .dlq are created before subscribing (auto-creation is off);
 * - Kafka being unreachable at start-up or a consumer crash does not stop the app: the consumer
 *   is rebuilt in the background with back-off.
 */
export class KafkaEventServer extends ServerKafka {
  protected override logger = new Logger(KafkaEventServer.name);
  private readonly eventOptions: KafkaEventServerOptions;
  private readonly metrics: ConsumerMetrics;
  private readonly restartBackoff = new Backoff({ baseMs: 1000, maxMs: 30_000, jitter: 0.2 });
  private restartTimer: NodeJS.Timeout | null = null;
  private failingSince: number | null = null;
  private closing = false;

  constructor(options: KafkaEventServerOptions) {
    super(toServerKafkaOptions(options));
    this.eventOptions = options;
    this.metrics = new ConsumerMetrics(options.metrics ?? new Registry());
  }

  /** Resolves once consuming, or once the first try failed (the consumer keeps retrying then). */
  override async listen(callback: (err?: unknown, ...optionalParams: unknown[]) => void): Promise<void> {
    this.closing = false;
    try {
      assertTopicPatterns([...this.messageHandlers.keys()]);
    } catch (err) {
      return callback(err); // a programming error: fail the start-up
    }
    try {
      await this.connectConsumer();
    } catch (err) {
      await this.connectFailed(err);
    }
    callback();
  }

  override async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    // ServerKafka.close: the consumer first (kafkajs waits for the message in flight), then the producer.
    await super.close();
  }

  /** Replaces ServerKafka's routing: see the class comment. */
  override async handleMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, message } = payload;
    const outcome = await deliverMessage(message.value, hasHeader(message.headers, KafkaHeaders.REPLY_TOPIC), {
      retry: this.eventOptions.retry,
      invoke: (envelope) => this.invokeHandlers(payload, envelope),
      deadLetter: (error, attempts, reason) => this.deadLetter(payload, error, attempts, reason),
      sleep,
      heartbeat: payload.heartbeat,
      onAttemptFailed: (err, attempt, willRetry) => {
        this.metrics.handlerFailed(topic);
        if (willRetry) {
          this.logger.debug(`Handler for ${topic}@${message.offset} failed (attempt ${attempt}): ${describeError(err)}`);
        }
      },
    });
    this.metrics.delivered(topic, outcome);
    if (outcome.status === 'dead-lettered') {
      this.logger.error(
        `Dead-lettered ${topic}[${payload.partition}]@${message.offset} to ${deadLetterTopic(topic)} after ${outcome.attempts} attempt(s) (${outcome.reason}): ${outcome.error}`,
      );
    }
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    // kafkajs restarts itself after retriable crashes only; anything else would leave us deaf.
    consumer?.on(consumer.events.CRASH, (event: ConsumerCrashEvent) => {
      if (event.payload.restart || consumer !== this.consumer) return;
      this.logger.error(`Kafka consumer crashed (${event.payload.error.message}); restarting it`);
      this.scheduleRestart();
    });
  }

  private async invokeHandlers(payload: EachMessagePayload, envelope: EventEnvelope): Promise<void> {
    const { topic, partition, message } = payload;
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new NoHandlerError(topic);
    const rawMessage = this.parser!.parse({ ...message, topic, partition });
    const context = new KafkaContext([rawMessage, partition, topic, this.consumer!, payload.heartbeat, this.producer!]);
    const run = async (): Promise<void> => {
      // Nest's proxy turns a thrown error into an erroring Observable: awaiting it rethrows here.
      const result: unknown = await handler(envelope, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
    await RequestContext.run({ correlationId: envelope.correlationId, causationId: envelope.id }, async () => {
      // Keep Nest's instrumentation hooks (e.g. OpenTelemetry) working around each attempt.
      let running: Promise<void> | undefined;
      this.onProcessingStartHook(this.transportId, context, () => (running = run()));
      try {
        await (running ?? run());
      } finally {
        this.onProcessingEndHook?.(this.transportId, context);
      }
    });
  }

  private async deadLetter(
    payload: EachMessagePayload,
    error: string,
    attempts: number,
    reason: DeadLetterReason,
  ): Promise<void> {
    const { topic, partition, message } = payload;
    if (!this.producer) throw new Error('Kafka producer is not connected; cannot dead-letter');
    const headers = deadLetterHeaders(message.headers as IHeaders | undefined, {
      error: reason === 'handler-failed' || reason === 'invalid-payload' ? error : `${reason}: ${error}`,
      topic,
      partition,
      offset: message.offset,
      attempts,
      consumerGroup: this.eventOptions.groupId,
    });
    // A rejection here propagates into kafkajs on purpose: the offset stays uncommitted and the message comes back.
    await this.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers, timestamp: message.timestamp }],
    });
  }

  private async connectConsumer(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) {
      this.logger.warn('No @EventPattern handlers registered: not consuming anything');
      return;
    }
    this.client = this.createClient();
    if (this.eventOptions.topics) {
      // Nest re-declares the kafkajs types; the object is kafkajs's own Admin.
      const admin = this.client!.admin() as unknown as Admin;
      await admin.connect();
      try {
        await ensureTopicsExist(admin, topics, this.eventOptions.topics);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
    // ServerKafka.start: consumer + producer, connect, subscribe to the handlers' topics, run.
    await this.start(() => undefined);
    if (this.failingSince !== null) {
      this.logger.log(`Kafka consumer running again after ${((Date.now() - this.failingSince) / 1000).toFixed(1)} s`);
    }
    this.failingSince = null;
    this.restartBackoff.reset();
    this.logger.log(`Consuming ${topics.join(', ')} as group ${this.eventOptions.groupId}`);
  }

  private async connectFailed(err: unknown): Promise<void> {
    if (this.failingSince === null) {
      this.failingSince = Date.now();
      this.logger.error(`Kafka consumer cannot start (${describeError(err)}); retrying in the background`);
    }
    await this.disconnectQuietly();
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.closing || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.restart();
    }, this.restartBackoff.fail());
  }

  private async restart(): Promise<void> {
    await this.disconnectQuietly();
    if (this.closing) return;
    try {
      await this.connectConsumer();
    } catch (err) {
      await this.connectFailed(err);
    }
  }

  private async disconnectQuietly(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.consumer = null;
    this.producer = null;
    this.client = null;
  }
}

function hasHeader(headers: IHeaders | undefined, name: string): boolean {
  return headers !== undefined && headers[name] !== undefined && headers[name] !== null;
}
