import { Injectable } from '@nestjs/common';
import { IncidentSlaSnapshot } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { IncidentEntity } from '../incidents/entities/incident.entity';
import { IncidentSlaTracker, SlaMilestone, SlaTimerView } from '../incidents/ports/incident-sla-tracker.port';
import { BusinessCalendar, SLA_BREACH_PERCENT, SLA_WARNING_PERCENT } from './clock';
import { SlaReference } from './domain/sla-reference-book';
import { planTimerChanges, reevaluate, sameTimer } from './domain/sla-timer-plan';
import { liveTimer, toSlaSnapshot, toTimerView } from './domain/sla-timer-views';
import { SlaReferenceService } from './sla-reference.service';
import { IncidentSlaTimer, SlaTimersRepository } from './sla-timers.repository';

const REFRESH_BATCH = 500;

/**
 * The incident's SLA timers (itil.md "SLA"), kept in step by the incident writer: the decisions are
 * planTimerChanges' (pure), this service only loads and stores. Per incident write: no read at creation and
 * one multi-row INSERT; afterwards one locked SELECT and at most one UPDATE.
 */
@Injectable()
export class SlaTrackerService extends IncidentSlaTracker {
  constructor(
    private readonly timersRepository: SlaTimersRepository,
    private readonly reference: SlaReferenceService,
  ) {
    super();
  }

  /**
   * Also sets `after`'s SLA columns; the breached flags follow the timers as of `at`, so a write at or after a
   * breach instant (the scanner's, once it claimed the breach) turns the flag on. `at` may be in the past
   * (imports): the timers then come out as they were at that instant, breaches at their true instants.
   */
  async track(
    manager: EntityManager,
    before: IncidentEntity | null,
    after: IncidentEntity,
    at: Date,
  ): Promise<IncidentSlaSnapshot | null> {
    const reference = await this.reference.current();
    const timers = before === null ? [] : await this.timersRepository.findForIncident(manager, after.id, true);
    const plan = planTimerChanges({ before, after, at, timers, reference });
    await this.timersRepository.insert(manager, after.id, plan.insert);
    await this.timersRepository.update(
      manager,
      plan.update.map((timer) => ({ incidentId: after.id, timer })),
    );
    await this.timersRepository.remove(manager, after.id, plan.remove);
    Object.assign(after, plan.incident);
    return toSlaSnapshot(plan.timers, after, null, reference);
  }

  async snapshot(manager: EntityManager, incident: IncidentEntity): Promise<IncidentSlaSnapshot | null> {
    const [reference, timers] = await Promise.all([
      this.reference.current(),
      this.timersRepository.findForIncident(manager, incident.id, false),
    ]);
    return toSlaSnapshot(timers, incident, new Date(), reference);
  }

  async timers(incident: IncidentEntity, now: Date): Promise<SlaTimerView[]> {
    const [reference, timers] = await Promise.all([
      this.reference.current(),
      this.timersRepository.findForIncident(undefined, incident.id, false),
    ]);
    return timers.map((t) => toTimerView(t, now, reference));
  }

  /**
   * Warnings (≥ 75 %) and breaches (≥ 100 %) of timers still counting that are due and not yet raised, marked
   * raised in the caller's transaction: with several replicas each is returned once. A timer whose breach is
   * due when first claimed yields only the breach (its warning is marked raised with it, never reported).
   * Paused timers are claimed too if they crossed a threshold before the pause. `percent` is the timer's
   * elapsed share as of `now` (at least the threshold); `dueAt` its breach instant (the warning instant for a
   * paused timer, which has no due instant).
   */
  async claimDueMilestones(manager: EntityManager, now: Date, limit: number): Promise<SlaMilestone[]> {
    const [reference, claimed] = await Promise.all([
      this.reference.current(),
      this.timersRepository.claimDue(manager, now, limit),
    ]);
    const milestones: SlaMilestone[] = [];
    for (const { incidentId, timer, warningClaimed, breachClaimed } of claimed) {
      const percent = Math.floor(liveTimer(timer, now, reference).percent * 10) / 10;
      if (warningClaimed) {
        milestones.push({
          incidentId,
          timer: timer.kind,
          kind: 'warning',
          dueAt: (timer.dueAt ?? timer.warningAt) as Date,
          percent: Math.max(percent, SLA_WARNING_PERCENT),
        });
      }
      if (breachClaimed) {
        milestones.push({
          incidentId,
          timer: timer.kind,
          kind: 'breach',
          dueAt: (timer.breachedAt ?? timer.dueAt) as Date,
          percent: Math.max(percent, SLA_BREACH_PERCENT),
        });
      }
    }
    return milestones;
  }

  /** How many timers still count on each of these calendars (one in use may not be deleted). */
  countTimersOnCalendars(manager: EntityManager, calendarIds: readonly string[]): Promise<Map<string, number>> {
    return this.timersRepository.countUnstoppedOnCalendars(manager, calendarIds);
  }

  /**
   * After an edit of calendars: recomputes the stored instants (due, warning, breach) of every timer still
   * counting on them, in the caller's transaction, so the milestone claim sees the new working time. Stopped
   * timers keep their final figures. The incidents' own due columns follow at their next change.
   */
  async refreshTimersOnCalendars(
    manager: EntityManager,
    calendars: ReadonlyMap<string, BusinessCalendar>,
    now: Date,
  ): Promise<number> {
    if (calendars.size === 0) return 0;
    const base = await this.reference.current();
    const reference: SlaReference = {
      policy: (priority) => base.policy(priority),
      calendar: (id) => calendars.get(id) ?? base.calendar(id),
    };
    let after: { incidentId: string; kind: string } | null = null;
    let refreshed = 0;
    for (;;) {
      const batch = await this.timersRepository.findUnstoppedOnCalendars(manager, [...calendars.keys()], after, REFRESH_BATCH);
      if (batch.length === 0) return refreshed;
      const changed: IncidentSlaTimer[] = [];
      for (const { incidentId, timer } of batch) {
        const next = reevaluate(timer, now, reference);
        if (!sameTimer(timer, next)) changed.push({ incidentId, timer: next });
      }
      await this.timersRepository.update(manager, changed);
      refreshed += changed.length;
      const last = batch[batch.length - 1];
      after = { incidentId: last.incidentId, kind: last.timer.kind };
    }
  }
}
