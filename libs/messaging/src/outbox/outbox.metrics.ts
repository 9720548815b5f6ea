import { Counter, Registry } from 'prom-client';
import { counterIn, gaugeIn } from '../messaging.metrics';
import { OutboxRow } from './outbox-batch';
import { OutboxBacklog } from './outbox.repository';

/** outbox_* metrics; the backlog gauges are read from the database when Prometheus scrapes. */
export class OutboxMetrics {
  private readonly publishedTotal: Counter<'topic'>;
  private readonly errorsTotal: Counter;

  constructor(registry: Registry, backlog: () => Promise<OutboxBacklog>) {
    this.publishedTotal = counterIn(registry, {
      name: 'outbox_published_total',
      help: 'Outbox events published to Kafka',
      labelNames: ['topic'],
    });
    this.errorsTotal = counterIn(registry, { name: 'outbox_publish_errors_total', help: 'Outbox relay rounds that failed' });
    // One query serves both gauges within a scrape.
    let pending: Promise<OutboxBacklog | null> | null = null;
    const read = (): Promise<OutboxBacklog | null> => {
      pending ??= backlog()
        .catch(() => null)
        .finally(() => setImmediate(() => (pending = null)));
      return pending;
    };
    gaugeIn(registry, {
      name: 'outbox_unsent_messages',
      help: 'Outbox rows not yet published',
      async collect() {
        const value = await read();
        if (value) this.set(value.unsent);
      },
    });
    gaugeIn(registry, {
      name: 'outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none)',
      async collect() {
        const value = await read();
        if (value) this.set(value.oldestUnsentAgeSeconds);
      },
    });
  }

  published(rows: OutboxRow[]): void {
    const perTopic = new Map<string, number>();
    for (const row of rows) perTopic.set(row.topic, (perTopic.get(row.topic) ?? 0) + 1);
    for (const [topic, count] of perTopic) this.publishedTotal.inc({ topic }, count);
  }

  publishFailed(): void {
    this.errorsTotal.inc();
  }
}
