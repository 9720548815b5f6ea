import { IncidentSlaSnapshot } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { IncidentEntity } from '../entities/incident.entity';

export interface SlaMilestone {
  incidentId: string;
  timer: 'response' | 'resolution';
  kind: 'warning' | 'breach';
  dueAt: Date;
  percent: number;
}

export interface SlaTimerView {
  timer: 'response' | 'resolution';
  status: 'running' | 'paused' | 'met' | 'breached';
  targetMinutes: number;
  calendarId: string;
  startedAt: string;
  dueAt: string | null;
  elapsedMs: number;
  remainingMs: number;
  percent: number;
  warningRaisedAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

/** Keeps an incident's SLA timers in step with its lifecycle (the SLA module implements it). */
export abstract class IncidentSlaTracker {
  /**
   * Called inside the incident's write transaction after each change (before = null at creation),
   * BEFORE the incident row is written: starts, pauses, resumes, stops and re-targets timers and sets
   * the SLA columns on `after` (responseDueAt, resolutionDueAt, responseBreached, resolutionBreached).
   */
  abstract track(
    manager: EntityManager,
    before: IncidentEntity | null,
    after: IncidentEntity,
    at: Date,
  ): Promise<IncidentSlaSnapshot | null>;

  /** The snapshot carried by events, from the stored timers. */
  abstract snapshot(manager: EntityManager, incident: IncidentEntity): Promise<IncidentSlaSnapshot | null>;

  /** Timers for the incident view (live figures as of now). */
  abstract timers(incident: IncidentEntity, now: Date): Promise<SlaTimerView[]>;

  /**
   * Claims warnings and breaches that are due and not yet raised, marking them raised in the
   * caller's transaction (FOR UPDATE SKIP LOCKED): with several replicas each is raised once.
   */
  abstract claimDueMilestones(manager: EntityManager, now: Date, limit: number): Promise<SlaMilestone[]>;
}
