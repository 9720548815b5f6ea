import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventActor, IncidentClosed, IncidentSlaBreached, IncidentSlaWarning } from '@helpdesk/contracts';
import { DataSource } from 'typeorm';
import { IncidentConfig } from '../config/incident.config';
import { IncidentEscalationService } from './incident-escalation.service';
import { factsOf, withFacts } from './incident-facts.mapper';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { IncidentWriter } from './incident-writer.service';
import { IncidentSlaMetrics, SlaMilestoneKind } from './incident-sla.metrics';
import { IncidentSlaTracker } from './ports/incident-sla-tracker.port';

const SYSTEM: EventActor = { id: 'incident-service', role: 'system' };
const BATCH = 100;

/**
 * Every replica runs this loop: it claims due SLA warnings and breaches (each exactly once across
 * replicas, in the transaction that writes its event), escalates breaches to the group's supervisor,
 * and closes resolved incidents after the auto-close period.
 */
@Injectable()
export class IncidentSlaWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IncidentSlaWatchService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sla: IncidentSlaTracker,
    private readonly incidents: IncidentsService,
    private readonly repository: IncidentsRepository,
    private readonly writer: IncidentWriter,
    private readonly escalation: IncidentEscalationService,
    private readonly config: IncidentConfig,
    private readonly metrics: IncidentSlaMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((e) => this.logger.warn(`SLA watch round failed: ${(e as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.slaScanIntervalMs);
    this.timer.unref();
  }

  /** One round; returns how many milestones and closures it handled (tests call it directly). */
  async tick(now = new Date()): Promise<{ milestones: number; closed: number }> {
    let milestones = 0;
    for (;;) {
      const handled = await this.raiseDueMilestones(now);
      milestones += handled;
      if (handled < BATCH || this.stopped) break;
    }
    let closed = 0;
    for (;;) {
      const handled = await this.autoClose(now);
      closed += handled;
      if (handled < BATCH || this.stopped) break;
    }
    return { milestones, closed };
  }

  private async raiseDueMilestones(now: Date): Promise<number> {
    const raised: Array<{ kind: SlaMilestoneKind; timer: string; priority: number }> = [];
    const count = await this.dataSource.transaction(async (manager) => {
      const due = await this.sla.claimDueMilestones(manager, now, BATCH);
      for (const m of due) {
        const current = await this.repository.findForUpdate(manager, { id: m.incidentId });
        if (!current) continue;
        const detail = { timer: m.timer, dueAt: m.dueAt.toISOString(), percent: Math.round(m.percent) };
        const next = withFacts(current, factsOf(current));
        const updated = await this.writer.commit(manager, current, next, {
          action: m.kind === 'breach' ? 'sla-breach' : 'sla-warning',
          actor: SYSTEM,
          at: now,
          note: `${m.timer} ${m.kind}`,
          events: [{ event: m.kind === 'breach' ? IncidentSlaBreached : IncidentSlaWarning, detail }],
        });
        raised.push({ kind: m.kind, timer: m.timer, priority: updated.priority });
        if (m.kind === 'breach') {
          // itil.md: a breach escalates to the group's supervisor, once (this milestone is raised once).
          await this.escalation.hierarchical(manager, updated, `SLA ${m.timer} target breached`, SYSTEM, now, true);
        }
      }
      return due.length;
    });
    // Counted once committed: a rolled-back round raises nothing (and is claimed again next round).
    for (const r of raised) this.metrics.raised(r.kind, r.timer, r.priority);
    return count;
  }

  private autoClose(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.autoCloseAfterMs);
    return this.dataSource.transaction(async (manager) => {
      const due = await this.repository.claimAutoClosable(manager, before, BATCH);
      for (const current of due) {
        const result = this.incidents.transition(current, { type: 'close' }, { id: SYSTEM.id }, now);
        await this.writer.commit(manager, current, withFacts(current, result.facts), {
          action: 'close',
          actor: SYSTEM,
          at: now,
          note: 'closed automatically after the auto-close period',
          events: [{ event: IncidentClosed, detail: { automatic: true } }],
        });
      }
      return due.length;
    });
  }
}
