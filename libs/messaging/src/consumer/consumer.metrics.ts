import { Counter, Gauge, Registry } from 'prom-client';
import { counterIn, gaugeIn } from '../messaging.metrics';
import { DeliveryOutcome, FailureKind } from './event-delivery';

/** kafka_consumer_* metrics by topic. */
export class ConsumerMetrics {
  private readonly consumed: Counter<'topic' | 'outcome'>;
  private readonly handlerErrors: Counter<'topic' | 'kind'>;
  private readonly deadLettered: Counter<'topic' | 'reason'>;
  private readonly lag: Gauge<'topic' | 'partition'>;

  constructor(registry: Registry) {
    this.consumed = counterIn(registry, {
      name: 'kafka_consumer_consumed_total',
      help: 'Messages consumed, by topic and outcome (handled or dead_lettered)',
      labelNames: ['topic', 'outcome'],
    });
    this.handlerErrors = counterIn(registry, {
      name: 'kafka_consumer_handler_errors_total',
      help: 'Failed handler attempts (each retry counts), by kind: transient (retried until it succeeds) or permanent',
      labelNames: ['topic', 'kind'],
    });
    this.deadLettered = counterIn(registry, {
      name: 'kafka_consumer_dead_lettered_total',
      help: 'Messages sent to the dead-letter topic, by reason',
      labelNames: ['topic', 'reason'],
    });
    this.lag = gaugeIn(registry, {
      name: 'kafka_consumer_lag_messages',
      help: 'Messages behind the partition end after the last batch this consumer processed (kafkajs offsetLag)',
      labelNames: ['topic', 'partition'],
    });
  }

  batchProcessed(topic: string, partition: number, offsetLag: string): void {
    const lag = Number(offsetLag);
    if (Number.isFinite(lag)) this.lag.set({ topic, partition: String(partition) }, Math.max(0, lag));
  }

  handlerFailed(topic: string, kind: FailureKind): void {
    this.handlerErrors.inc({ topic, kind });
  }

  delivered(topic: string, outcome: DeliveryOutcome): void {
    this.consumed.inc({ topic, outcome: outcome.status === 'handled' ? 'handled' : 'dead_lettered' });
    if (outcome.status === 'dead-lettered') this.deadLettered.inc({ topic, reason: outcome.reason });
  }
}
