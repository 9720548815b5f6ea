import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@helpdesk/observability';
import { Histogram } from 'prom-client';

@Injectable()
export class ForwardingMetrics {
  readonly duration: Histogram<'upstream' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'gateway_upstream_request_duration_seconds',
      help: 'Forwarded requests by upstream service and status (error = unreachable, timeout = no answer in time)',
      labelNames: ['upstream', 'status'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
  }
}
