import { deadLetterTopic, EventEnvelope } from '@helpdesk/contracts';
import { RequestContext, tracerOf } from '@helpdesk/observability';
import { Logger } from '@nestjs/common';
import { KafkaContext, KafkaHeaders, ServerKafka } from '@nestjs/microservices';
import { context as otelContext, Tracer } from '@opentelemetry/api';
import type {
  ConsumerCrashEvent,
  ConsumerEndBatchProcessEvent,
  EachMessagePayload,
  IHeaders,
} from '@nestjs/microservices/external/kafka.interface';
import type { Admin, Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { isObservable, lastValueFrom } from 'rxjs';
import { describeError } from '../error-text';
import { ensureTopicsExist } from '../kafka/kafka-topic-admin';
import { Backoff, sleep } from '../retry-backoff';
import { startConsumeSpan } from './consume-tracing';
import { ConsumerMetrics } from './consumer.metrics';
import { deadLetterHeaders } from './dead-letter';
import { DeadLetterReason, deliverMessage, DeliveryOutcome, FailureKind, NoHandlerError } from './event-delivery';
import { assertTopicPatterns, KafkaEventServerOptions, toServerKafkaOptions } from './kafka-event-server.options';

/**
 * Nest transport strategy for consuming events (never request-response), on top of ServerKafka:
 * - handlers get the parsed EventEnvelope, run inside RequestContext (correlation from the
 *   envelope, causation = the event's id) and inside a CONSUMER span that continues the
 *   message's `traceparent` (one span over all attempts and the dead letter), and are retried
 *   with back-off: transient failures (database or Kafka unreachable...) until they succeed,
 *   with the partition waiting; others retry.attempts times (see deliverMessage);
 * - what cannot be parsed, or keeps failing for good, goes to `<topic>.dlq` with the error in its
 *   headers and the consumer moves on (ServerKafka would rethrow into kafkajs, which re-runs the
 *   batch forever);
 * - subscribed topics and their .dlq are created before subscribing (auto-creation is off);
 * - Kafka being unreachable at start-up or a consumer crash does not stop the app: the consumer
 *   is rebuilt in the background with back-off;
 * - close() leaves nothing running: a start-up or restart in flight checks `closing` after each
 *   step and disconnects what it created, and close() waits for it.
 */
export class KafkaEventServer extends ServerKafka {
  protected override logger = new Logger(KafkaEventServer.name);
  private readonly eventOptions: KafkaEventServerOptions;
  private readonly metrics: ConsumerMetrics;
  private readonly tracer: Tracer;
  private readonly restartBackoff = new Backoff({ baseMs: 1000, maxMs: 30_000, jitter: 0.2 });
  private restartTimer: NodeJS.Timeout | null = null;
  private failingSince: number | null = null;
  private closing = false;
  /** The start-up or restart in flight (close() waits for it). */
  private connecting: Promise<void> | null = null;
  /** Aborted when the current consumer stops: ends the retries of a message in flight (left uncommitted). */
  private deliveries = new AbortController();

  constructor(options: KafkaEventServerOptions) {
    super(toServerKafkaOptions(options));
    this.eventOptions = options;
    this.metrics = new ConsumerMetrics(options.metrics ?? new Registry());
    this.tracer = tracerOf(options.serviceName ?? options.clientId);
  }

  /** Resolves once consuming, or once the first try failed (the consumer keeps retrying then). */
  override async listen(callback: (err?: unknown, ...optionalParams: unknown[]) => void): Promise<void> {
    this.closing = false;
    try {
      assertTopicPatterns([...this.messageHandlers.keys()]);
    } catch (err) {
      return callback(err); // a programming error: fail the start-up
    }
    await this.track(this.connectOrRetryLater());
    callback();
  }

  override async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.deliveries.abort();
    // ServerKafka.close: the consumer first (kafkajs waits for the message in flight), then the producer.
    await super.close();
    // A start-up or restart in flight sees `closing` after its current step and disconnects what it made.
    await this.connecting;
  }

  /** Replaces ServerKafka's routing: see the class comment. */
  override async handleMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, message } = payload;
    const where = `${topic}[${payload.partition}]@${message.offset}`;
    let transientSince: number | null = null;
    let lastWarning = 0;
    const span = startConsumeSpan(this.tracer, payload, this.eventOptions.groupId);
    const deliver = () =>
      deliverMessage(message.value, hasHeader(message.headers, KafkaHeaders.REPLY_TOPIC), {
        retry: this.eventOptions.retry,
        invoke: (envelope) => this.invokeHandlers(payload, envelope),
        deadLetter: (error, attempts, reason) => this.deadLetter(payload, error, attempts, reason),
        sleep,
        heartbeat: payload.heartbeat,
        heartbeatIntervalMs: this.eventOptions.consumer.heartbeatIntervalMs,
        signal: this.deliveries.signal,
        onAttemptFailed: (err, attempt, willRetry, kind: FailureKind) => {
          this.metrics.handlerFailed(topic, kind);
          span.attemptFailed(err, attempt, kind);
          if (kind === 'transient') {
            transientSince ??= Date.now();
            // Once a minute at most: an outage can last.
            if (Date.now() - lastWarning >= 60_000) {
              lastWarning = Date.now();
              this.logger.warn(
                `Handler for ${where} failed with a transient error (attempt ${attempt}): ${describeError(err)}; retrying with back-off until it succeeds, the partition waits`,
              );
            }
          } else if (willRetry) {
            this.logger.debug(`Handler for ${where} failed (attempt ${attempt}): ${describeError(err)}`);
          }
        },
      });
    let outcome: DeliveryOutcome;
    try {
      outcome = await otelContext.with(span.context, deliver);
    } catch (error) {
      span.end({ error });
      throw error;
    }
    span.end({ outcome });
    this.metrics.delivered(topic, outcome);
    if (outcome.status === 'handled' && transientSince !== null) {
      const seconds = ((Date.now() - transientSince) / 1000).toFixed(1);
      this.logger.log(`Handled ${where} after ${outcome.attempts} attempts (${seconds} s of transient failures)`);
    }
    if (outcome.status === 'dead-lettered') {
      this.logger.error(
        `Dead-lettered ${topic}[${payload.partition}]@${message.offset} to ${deadLetterTopic(topic)} after ${outcome.attempts} attempt(s) (${outcome.reason}): ${outcome.error}`,
      );
    }
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    consumer?.on(consumer.events.END_BATCH_PROCESS, (event: ConsumerEndBatchProcessEvent) =>
      this.metrics.batchProcessed(event.payload.topic, event.payload.partition, event.payload.offsetLag),
    );
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

  /** Runs a start-up or restart so that close() can wait for it. */
  private track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => {
      if (this.connecting === tracked) this.connecting = null;
    });
    this.connecting = tracked;
    return tracked;
  }

  private async connectOrRetryLater(): Promise<void> {
    try {
      await this.connectConsumer();
    } catch (err) {
      await this.connectFailed(err);
    }
  }

  /** Creates the topics, then the consumer and producer; stops (and cleans up) as soon as close() is called. */
  private async connectConsumer(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) {
      this.logger.warn('No @EventPattern handlers registered: not consuming anything');
      return;
    }
    const client = this.createClient<Kafka>();
    this.client = client as unknown as typeof this.client;
    if (this.eventOptions.topics) {
      const admin: Admin = client.admin();
      try {
        await admin.connect();
        if (this.closing) return;
        await ensureTopicsExist(admin, topics, this.eventOptions.topics);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
    if (this.closing) return;
    if (!(await this.startConsumer(client, topics))) return;
    if (this.failingSince !== null) {
      this.logger.log(`Kafka consumer running again after ${((Date.now() - this.failingSince) / 1000).toFixed(1)} s`);
    }
    this.failingSince = null;
    this.restartBackoff.reset();
    this.logger.log(`Consuming ${topics.join(', ')} as group ${this.eventOptions.groupId}`);
  }

  /**
   * ServerKafka.start, with a `closing` check after each step: consumer + producer, connect,
   * subscribe to the handlers' topics, run. False when close() came first (nothing is left running).
   */
  private async startConsumer(client: Kafka, topics: string[]): Promise<boolean> {
    const consumer = client.consumer({ ...this.options.consumer, groupId: this.groupId });
    const producer = client.producer(this.options.producer);
    const deliveries = new AbortController();
    // Nest re-declares the kafkajs types; the objects are kafkajs's own.
    this.consumer = consumer as unknown as typeof this.consumer;
    this.producer = producer as unknown as typeof this.producer;
    this.deliveries = deliveries;
    this.registerConsumerEventListeners();
    this.registerProducerEventListeners();
    const steps: Array<() => Promise<void>> = [
      () => consumer.connect(),
      () => producer.connect(),
      () => consumer.subscribe({ ...this.options.subscribe, topics }),
      () => consumer.run({ ...this.options.run, eachMessage: this.getMessageHandler() }),
    ];
    try {
      for (const step of steps) {
        if (this.closing) break;
        await step();
      }
    } catch (err) {
      // close() disconnected the consumer under a step: not a start-up failure.
      if (!this.closing) throw err;
    }
    if (!this.closing) return true;
    // close() came first: whatever it could not see yet (created, connected or running late) goes now.
    deliveries.abort();
    await disconnectAll(consumer, producer);
    if (this.consumer === (consumer as unknown)) this.consumer = null;
    if (this.producer === (producer as unknown)) this.producer = null;
    return false;
  }

  private async connectFailed(err: unknown): Promise<void> {
    if (this.failingSince === null && !this.closing) {
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
      void this.track(this.restart());
    }, this.restartBackoff.fail());
  }

  private async restart(): Promise<void> {
    await this.disconnectQuietly();
    if (this.closing) return;
    await this.connectOrRetryLater();
  }

  private async disconnectQuietly(): Promise<void> {
    this.deliveries.abort();
    const { consumer, producer } = this;
    this.consumer = null;
    this.producer = null;
    this.client = null;
    await disconnectAll(consumer, producer);
  }
}

async function disconnectAll(
  consumer: { disconnect(): Promise<void> } | null,
  producer: { disconnect(): Promise<void> } | null,
): Promise<void> {
  await consumer?.disconnect().catch(() => undefined);
  await producer?.disconnect().catch(() => undefined);
}

function hasHeader(headers: IHeaders | undefined, name: string): boolean {
  return headers !== undefined && headers[name] !== undefined && headers[name] !== null;
}
