import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's Prometheus registry; libraries add their metrics to it. */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
