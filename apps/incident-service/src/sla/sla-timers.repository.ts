import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SLA_TIMER_KINDS, SlaTimerKind, SlaTimerRecord } from './domain/sla-timer-plan';
import { StoredSlaPause } from './entities/sla-timer.entity';

/** A stored timer with the incident it belongs to. */
export interface IncidentSlaTimer {
  incidentId: string;
  timer: SlaTimerRecord;
}

/** A timer returned by the milestone claim, with what this claim raised on it. */
export interface ClaimedSlaTimer extends IncidentSlaTimer {
  warningClaimed: boolean;
  breachClaimed: boolean;
}

interface TimerRow {
  incident_id: string;
  kind: SlaTimerKind;
  policy_priority: number;
  calendar_id: string;
  target_ms: string;
  started_at: Date;
  pauses: StoredSlaPause[];
  stopped_at: Date | null;
  status: SlaTimerRecord['status'];
  elapsed_ms: string | null;
  due_at: Date | null;
  warning_at: Date | null;
  breached_at: Date | null;
  warning_raised_at: Date | null;
  breach_raised_at: Date | null;
}

const COLUMNS = `incident_id, kind, policy_priority, calendar_id, target_ms, started_at, pauses, stopped_at, status,
  elapsed_ms, due_at, warning_at, breached_at, warning_raised_at, breach_raised_at`;

/** The columns `track` owns, in the order of insert/update parameters (never the raised marks: the claim's). */
const OWNED = [
  'policy_priority',
  'calendar_id',
  'target_ms',
  'started_at',
  'pauses',
  'stopped_at',
  'status',
  'elapsed_ms',
  'due_at',
  'warning_at',
  'breached_at',
] as const;
const CASTS = [
  'smallint',
  'text',
  'bigint',
  'timestamptz',
  'jsonb',
  'timestamptz',
  'text',
  'bigint',
  'timestamptz',
  'timestamptz',
  'timestamptz',
];

/** The only code that touches sla_timer. Raw SQL: one statement per operation, on the hot path of every incident write. */
@Injectable()
export class SlaTimersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All the timers in one multi-row INSERT (incident creation). */
  async insert(manager: EntityManager, incidentId: string, timers: readonly SlaTimerRecord[]): Promise<void> {
    if (timers.length === 0) return;
    const params: unknown[] = [incidentId];
    const rows = timers.map((t) => {
      const values = [t.kind, ...ownedValues(t)];
      const placeholders = values.map((v) => `$${params.push(v)}`);
      return `($1, ${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO sla_timer (incident_id, kind, ${OWNED.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }

  /** The incident's timers, locked for the rest of the transaction when `lock` (the claim then skips them). */
  async findForIncident(manager: EntityManager | undefined, incidentId: string, lock: boolean): Promise<SlaTimerRecord[]> {
    const rows: TimerRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM sla_timer WHERE incident_id = $1 ORDER BY kind${lock ? ' FOR UPDATE' : ''}`,
      [incidentId],
    );
    // Response first (the SQL order, by kind, is alphabetical: it only fixes the lock order).
    return rows.map(toRecord).sort((a, b) => SLA_TIMER_KINDS.indexOf(a.kind) - SLA_TIMER_KINDS.indexOf(b.kind));
  }

  /** Rewrites the owned columns of the given timers in one UPDATE (one incident's, or a batch). */
  async update(manager: EntityManager, timers: readonly IncidentSlaTimer[]): Promise<void> {
    if (timers.length === 0) return;
    const params: unknown[] = [];
    const rows = timers.map(({ incidentId, timer }, row) => {
      const values = [incidentId, timer.kind, ...ownedValues(timer)];
      const casts = ['uuid', 'text', ...CASTS];
      // The first VALUES row carries the types for the whole list.
      return `(${values.map((v, i) => `$${params.push(v)}${row === 0 ? `::${casts[i]}` : ''}`).join(', ')})`;
    });
    await manager.query(
      `UPDATE sla_timer t SET ${OWNED.map((c) => `${c} = v.${c}`).join(', ')}, updated_at = now()
       FROM (VALUES ${rows.join(', ')}) AS v (incident_id, kind, ${OWNED.join(', ')})
       WHERE t.incident_id = v.incident_id AND t.kind = v.kind`,
      params,
    );
  }

  async remove(manager: EntityManager, incidentId: string, kinds: readonly SlaTimerKind[]): Promise<void> {
    if (kinds.length === 0) return;
    await manager.query(`DELETE FROM sla_timer WHERE incident_id = $1 AND kind = ANY($2)`, [incidentId, kinds]);
  }

  /**
   * Marks due warnings and breaches of timers still counting as raised, and returns those timers, in one
   * statement. Rows another transaction holds (a replica claiming, an incident being written) are skipped,
   * so each milestone is returned once across replicas. The incident row is locked with its timers: the caller
   * then writes the incident (incident lock, then timers, as every incident write does) without waiting, and an
   * incident write in flight is skipped rather than waited for, so the claim can never deadlock with one.
   * A breach claimed while its warning is still unraised marks the warning raised too, but only the breach is
   * reported (warningClaimed false).
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<ClaimedSlaTimer[]> {
    const result: unknown[] = await manager.query(
      `WITH due AS (
         SELECT s.incident_id, s.kind,
                (s.breach_raised_at IS NULL AND COALESCE(s.due_at <= $1, false)) AS breach_due,
                (s.warning_raised_at IS NULL AND COALESCE(s.warning_at <= $1, false)) AS warning_due
           FROM incident i
           JOIN sla_timer s ON s.incident_id = i.id
          WHERE s.stopped_at IS NULL
            AND ((s.warning_raised_at IS NULL AND s.warning_at <= $1) OR (s.breach_raised_at IS NULL AND s.due_at <= $1))
          LIMIT $2
          -- Incident first (rows are locked in FROM order): a replica that finds the incident taken skips it
          -- without holding its timers, so the other one claims all of that incident's milestones.
          FOR UPDATE OF i, s SKIP LOCKED
       )
       UPDATE sla_timer t
          SET breach_raised_at = CASE WHEN due.breach_due THEN $1 ELSE t.breach_raised_at END,
              warning_raised_at = CASE WHEN due.breach_due OR due.warning_due THEN COALESCE(t.warning_raised_at, $1)
                                       ELSE t.warning_raised_at END,
              status = CASE WHEN due.breach_due THEN 'breached' ELSE t.status END,
              updated_at = now()
         FROM due
        WHERE t.incident_id = due.incident_id AND t.kind = due.kind
       RETURNING ${COLUMNS.split(',')
         .map((c) => `t.${c.trim()}`)
         .join(', ')},
                 (due.warning_due AND NOT due.breach_due) AS warning_claimed, due.breach_due AS breach_claimed`,
      [now, limit],
    );
    // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
    const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<
      TimerRow & { warning_claimed: boolean; breach_claimed: boolean }
    >;
    return rows.map((r) => ({
      incidentId: r.incident_id,
      timer: toRecord(r),
      warningClaimed: r.warning_claimed,
      breachClaimed: r.breach_claimed,
    }));
  }

  /** Timers still counting on these calendars, locked, in key order from `after` (a calendar was edited). */
  async findUnstoppedOnCalendars(
    manager: EntityManager,
    calendarIds: readonly string[],
    after: { incidentId: string; kind: string } | null,
    limit: number,
  ): Promise<IncidentSlaTimer[]> {
    const rows: TimerRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM sla_timer
        WHERE stopped_at IS NULL AND calendar_id = ANY($1) AND (incident_id, kind) > ($2::uuid, $3::text)
        ORDER BY incident_id, kind LIMIT $4 FOR UPDATE`,
      [calendarIds, after?.incidentId ?? '00000000-0000-0000-0000-000000000000', after?.kind ?? '', limit],
    );
    return rows.map((r) => ({ incidentId: r.incident_id, timer: toRecord(r) }));
  }

  /** How many timers still count on each of these calendars (a calendar in use may not be deleted). */
  async countUnstoppedOnCalendars(manager: EntityManager, calendarIds: readonly string[]): Promise<Map<string, number>> {
    if (calendarIds.length === 0) return new Map();
    const rows: Array<{ calendar_id: string; n: string }> = await manager.query(
      `SELECT calendar_id, count(*) AS n FROM sla_timer WHERE stopped_at IS NULL AND calendar_id = ANY($1) GROUP BY calendar_id`,
      [calendarIds],
    );
    return new Map(rows.map((r) => [r.calendar_id, Number(r.n)]));
  }
}

function ownedValues(t: SlaTimerRecord): unknown[] {
  const pauses: StoredSlaPause[] = t.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null }));
  return [
    t.policyPriority,
    t.calendarId,
    t.targetMs,
    t.startedAt,
    JSON.stringify(pauses),
    t.stoppedAt,
    t.status,
    t.elapsedMs,
    t.dueAt,
    t.warningAt,
    t.breachedAt,
  ];
}

function toRecord(r: TimerRow): SlaTimerRecord {
  return {
    kind: r.kind,
    policyPriority: Number(r.policy_priority),
    calendarId: r.calendar_id,
    targetMs: Number(r.target_ms),
    startedAt: r.started_at,
    pauses: r.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) })),
    stoppedAt: r.stopped_at,
    status: r.status,
    elapsedMs: r.elapsed_ms === null ? null : Number(r.elapsed_ms),
    dueAt: r.due_at,
    warningAt: r.warning_at,
    breachedAt: r.breached_at,
    warningRaisedAt: r.warning_raised_at,
    breachRaisedAt: r.breach_raised_at,
  };
}
