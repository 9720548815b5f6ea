import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@helpdesk/observability';
import { Counter } from 'prom-client';

export type SlaMilestoneKind = 'warning' | 'breach';

/** SLA warnings and breaches raised, counted once each (after the transaction that writes the event commits). */
@Injectable()
export class IncidentSlaMetrics {
  private readonly breaches: Counter<'target' | 'priority'>;
  private readonly warnings: Counter<'target' | 'priority'>;

  constructor(metrics: MetricsRegistry) {
    this.breaches = new Counter({
      name: 'incident_sla_breaches_total',
      help: 'SLA breaches raised, by target (response or resolution) and priority',
      labelNames: ['target', 'priority'],
      registers: [metrics.registry],
    });
    this.warnings = new Counter({
      name: 'incident_sla_warnings_total',
      help: 'SLA warnings (75 % elapsed) raised, by target (response or resolution) and priority',
      labelNames: ['target', 'priority'],
      registers: [metrics.registry],
    });
  }

  raised(kind: SlaMilestoneKind, target: string, priority: number): void {
    (kind === 'breach' ? this.breaches : this.warnings).inc({ target, priority: String(priority) });
  }
}
