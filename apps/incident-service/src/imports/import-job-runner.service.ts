import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { yieldingChunks } from '@helpdesk/csv';
import { UNIQUE_VIOLATION } from '@helpdesk/database';
import { Backoff, isTransientError } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { ImportJobEntity, ImportJobProblem } from './entities/import-job.entity';
import {
  appendProblems,
  countDeviations,
  importOrder,
  IncidentImportOutcome,
  largestIncidentNumber,
  outcomeDelta,
} from './import-job-progress';
import { ImportJobsRepository } from './import-jobs.repository';
import {
  EnsuredDirectoryNames,
  IncidentReplayError,
  ServiceNowIncidentImporter,
} from './servicenow/servicenow-incident-importer.service';
import { ImportedIncidentPlan, planServiceNowImportStream } from './servicenow/servicenow-incident-plan';
import { ServiceNowImportRepository } from './servicenow/servicenow-import.repository';

/** How often each replica looks for jobs no runner holds (queued while another replica was busy, or orphaned). */
const SCAN_INTERVAL_MS = 15_000;

/** Incidents imported at the same time, each in its own transaction (and connection). */
export const IMPORT_CONCURRENCY = 4;

/** The job's row was moved on by someone else: this runner must leave the job alone. */
class JobMovedOnError extends Error {}

/**
 * Works the import jobs in the background, one job at a time across all replicas (a PostgreSQL session
 * lock), oldest first. Each incident is imported in its own transaction together with the job's counters
 * and a mark that its plan is done, so a job stopped anywhere (shutdown, crash) resumes with the incidents
 * not yet done: at start-up, at the next scan, or on another replica once the lock holder's connection is gone.
 */
@Injectable()
export class ImportJobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportJobRunner.name);
  private active: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly servicenow: ServiceNowImportRepository,
    private readonly importer: ServiceNowIncidentImporter,
  ) {}

  onApplicationBootstrap(): void {
    // A job queued or running when the service stopped is taken up again.
    this.kick();
    this.timer = setInterval(() => this.kick(), SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before the DataSource closes: the job in hand stops after its current incident and stays `running`. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.active;
  }

  /** Resolves once the runner has nothing in hand (tests; a shutdown waits for it too). */
  async whenIdle(): Promise<void> {
    while (this.active) await this.active;
  }

  /** Works the pending jobs now (a new job was queued); a no-op while already working, which then looks again. */
  kick(): void {
    if (this.stopping) return;
    if (this.active) {
      this.again = true;
      return;
    }
    this.again = false;
    this.active = this.drain()
      .catch((error: unknown) => this.logger.warn(`Import runner round failed: ${(error as Error).message}`))
      .finally(() => {
        this.active = null;
        if (this.again) this.kick();
      });
  }

  private async drain(): Promise<void> {
    const lock = await this.jobs.tryLockRunner();
    if (!lock) return; // another replica works the jobs
    try {
      while (!this.stopping) {
        const job = await this.jobs.nextPending();
        if (!job) return;
        // A job that could not finish (database unreachable, moved on elsewhere) waits for the next scan.
        if (!(await this.run(job))) return;
      }
    } finally {
      await lock.release().catch((e: unknown) => this.logger.warn(`Releasing the import lock failed: ${(e as Error).message}`));
    }
  }

  /** Runs a job from where it stands; true when it ended (succeeded or failed). */
  private async run(job: ImportJobEntity): Promise<boolean> {
    const started = Date.now();
    try {
      await this.jobs.markRunning(job.id, new Date());
      const content = await this.jobs.content(job.id);
      if (!content) throw new Error('The uploaded file of this job is missing');
      const planned = await planServiceNowImportStream(yieldingChunks(content));
      if (!job.plannedAt) {
        await this.jobs.recordPlan(
          job.id,
          {
            rowCount: planned.rowCount,
            incidentsTotal: planned.plans.length + planned.skippedIncidents.length,
            incidentsSkipped: planned.skippedIncidents.length,
            deviations: countDeviations(planned.plans),
            ...appendProblems([], 0, planned.problems),
          },
          new Date(),
        );
      }
      const plans = importOrder(planned.plans);
      // Before the first insert, so no live incident takes a number of the file while the job runs.
      await this.servicenow.raiseIncidentNumberSequence(largestIncidentNumber(plans));
      const handled = await this.jobs.handledPlans(job.id);
      if (handled.size > 0) this.logger.log(`Import ${job.id}: resuming with ${handled.size} of ${plans.length} incidents done`);
      const pending = plans.filter((plan) => !handled.has(plan.externalKey));
      if (!(await this.importAll(job.id, pending))) return false;
      await this.jobs.finish(job.id, 'succeeded', null, new Date());
      const done = await this.jobs.findById(job.id);
      this.logger.log(
        `Import ${job.id} (${job.fileName}) succeeded in ${Date.now() - started} ms: ${done?.incidentsCreated} created, ` +
          `${done?.incidentsUnchanged} unchanged, ${done?.incidentsSkipped} skipped, ${done?.eventsWritten} events`,
      );
      return true;
    } catch (error) {
      // Stopping, or the database is away: the job stays `running` and is resumed later.
      if (this.stopping || isTransientError(error)) return false;
      const message = (error as Error).message ?? String(error);
      this.logger.error(`Import ${job.id} failed: ${message}`);
      await this.jobs.finish(job.id, 'failed', message, new Date());
      return true;
    }
  }

  /**
   * Imports the pending plans in order, IMPORT_CONCURRENCY at a time (each in its own transaction: a round
   * trip to PostgreSQL is most of an incident's time, so overlapping a few makes the sample file import in a
   * fraction of the time). Returns false when stopped or moved on; waits for every started incident.
   */
  private async importAll(jobId: string, pending: ImportedIncidentPlan[]): Promise<boolean> {
    const ensured = new EnsuredDirectoryNames();
    let next = 0;
    let halted = false;
    const worker = async (): Promise<void> => {
      while (!halted && !this.stopping && next < pending.length) {
        const plan = pending[next++];
        try {
          if (!(await this.importOne(jobId, plan, ensured))) halted = true;
        } catch (error) {
          halted = true;
          throw error;
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: IMPORT_CONCURRENCY }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return !halted && !this.stopping;
  }

  /**
   * Imports one plan and counts its outcome in the same transaction. Transient failures are retried in
   * place (the job cannot go on without this incident: order matters for resuming); an incident the core
   * refuses is left out with a problem. False when the job was moved on by someone else.
   */
  private async importOne(jobId: string, plan: ImportedIncidentPlan, ensured: EnsuredDirectoryNames): Promise<boolean> {
    const backoff = new Backoff({ baseMs: 250, maxMs: 5000, jitter: 0.2 });
    let skip: ImportJobProblem | null = null;
    let retriedRace = false;
    const record = async (manager: EntityManager, outcome: IncidentImportOutcome) => {
      const item = { externalKey: plan.externalKey, outcome: outcome.kind };
      if (!(await this.jobs.recordOutcome(manager, jobId, item, outcomeDelta(outcome)))) throw new JobMovedOnError();
    };
    for (;;) {
      try {
        if (skip) {
          const outcome: IncidentImportOutcome = { kind: 'skipped', problem: skip };
          await this.jobs.transaction((manager) => record(manager, outcome));
        } else {
          await this.importer.importIncident(plan, ensured, record);
        }
        return true;
      } catch (error) {
        if (error instanceof JobMovedOnError) return false;
        if (isTransientError(error) && !this.stopping) {
          await this.pause(backoff.fail());
          continue;
        }
        if (!skip && !retriedRace && (error as { code?: string }).code === UNIQUE_VIOLATION) {
          // Lost a race with another writer of the same incident: the retry finds it and counts it unchanged.
          retriedRace = true;
          continue;
        }
        if (skip || this.stopping) throw error;
        skip = replayProblem(plan, error);
        this.logger.warn(`Import ${jobId}: ${skip.reason}`);
      }
    }
  }

  /** Waits, in short slices so that shutdown is not held up. */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
    }
  }
}

function replayProblem(plan: ImportedIncidentPlan, error: unknown): ImportJobProblem {
  const row = error instanceof IncidentReplayError ? error.row : plan.rows[0];
  return { row, reason: `${plan.number} was not imported: ${(error as Error).message ?? String(error)}` };
}
