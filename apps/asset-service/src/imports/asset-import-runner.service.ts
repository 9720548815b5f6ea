import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AssetCreated } from '@helpdesk/contracts';
import { UNIQUE_VIOLATION } from '@helpdesk/database';
import { isTransientError } from '@helpdesk/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { newCiEntity } from '../cis/ci-factory';
import { CiWriter } from '../cis/ci-writer.service';
import { AssetImportJobEntity } from './asset-import-job.entity';
import { AssetImportJobsRepository } from './asset-import-jobs.repository';
import { PlannedCi } from './asset-import-rows';
import { AssetImportCheck, AssetImportValidator } from './asset-import-validator.service';

/** How often each replica looks for jobs (queued on another replica, or left by one that died). */
export const SCAN_INTERVAL_MS = 5_000;
/** How often a running job says it is alive, whatever else it is doing. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A running job not heard of for this long is taken up again by any replica. */
export const CLAIM_TIMEOUT_MS = 60_000;
/** processed_rows is written (and committed, so GET shows it) every this many rows. */
export const PROGRESS_EVERY_ROWS = 25;

/** The file no longer passes (the CMDB changed since the upload): nothing imported, problems on the job. */
class ImportRefused extends Error {
  constructor(readonly check: AssetImportCheck) {
    super(refusalMessage(check));
  }
}

/** Another run took the job over (this one was silent too long): roll back and leave it alone. */
class ClaimLost extends Error {}

/** This replica is stopping: roll back and put the job back in the queue. */
class RunnerStopping extends Error {}

/**
 * Runs import jobs in the background. Each job is checked again and imported in ONE transaction (all or
 * nothing), each CI through CiWriter with asset.created { origin: 'import', importJobId }; progress is
 * committed separately every PROGRESS_EVERY_ROWS rows, so GET shows it while the transaction is open.
 * Replicas share the jobs through AssetImportJobsRepository.claimNext (FOR UPDATE SKIP LOCKED + heartbeat).
 */
@Injectable()
export class AssetImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AssetImportRunner.name);
  private active: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: AssetImportJobsRepository,
    private readonly validator: AssetImportValidator,
    private readonly writer: CiWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  /** A job in hand is rolled back and queued again for another replica. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.whenIdle();
  }

  /** Resolves once nothing is in hand (tests; shutdown). */
  async whenIdle(): Promise<void> {
    while (this.active) await this.active;
  }

  /** Works the pending jobs now; while already working, looks again afterwards. */
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
    while (!this.stopping) {
      const token = randomUUID();
      const job = await this.jobs.claimNext(token, CLAIM_TIMEOUT_MS, new Date());
      if (!job) return;
      await this.run(job, token);
    }
  }

  private async run(job: AssetImportJobEntity, token: string): Promise<void> {
    const started = Date.now();
    const heartbeat = setInterval(() => {
      this.jobs
        .progress(job.id, token)
        .catch((e: unknown) => this.logger.warn(`Import ${job.id}: heartbeat failed: ${(e as Error).message}`));
    }, HEARTBEAT_INTERVAL_MS);
    try {
      const created = await this.dataSource.transaction((manager) => this.importAll(manager, job, token));
      this.logger.log(`Import ${job.id} (${job.fileName}) succeeded in ${Date.now() - started} ms: ${created} CIs created`);
    } catch (error) {
      await this.afterFailure(job, token, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Checks the file again (inside the transaction) and creates every CI; returns how many. */
  private async importAll(manager: EntityManager, job: AssetImportJobEntity, token: string): Promise<number> {
    const check = await this.validator.check(job.csv, manager);
    if (check.fileProblems.length > 0 || check.problemCount > 0) throw new ImportRefused(check);
    let done = 0;
    for (const planned of check.planned) {
      if (this.stopping) throw new RunnerStopping();
      await this.create(manager, job, planned);
      done++;
      if (done % PROGRESS_EVERY_ROWS === 0 && !(await this.jobs.progress(job.id, token, done))) throw new ClaimLost();
    }
    if (!(await this.jobs.succeed(manager, job.id, token, done, new Date()))) throw new ClaimLost();
    return done;
  }

  private async create(manager: EntityManager, job: AssetImportJobEntity, planned: PlannedCi): Promise<void> {
    const at = new Date();
    const { assignee } = planned;
    const ci = await newCiEntity(
      manager,
      {
        ...planned.value,
        licenceId: planned.licenceId,
        ...(assignee
          ? { assignedToId: assignee.id, assignedToName: assignee.displayName, department: assignee.department, assignedAt: at }
          : {}),
      },
      job.createdById,
    );
    // The id chosen when the file was checked: later rows of the file refer to a licence by it.
    ci.id = planned.id;
    await this.writer.commit(manager, null, ci, {
      action: 'created',
      actor: { id: job.createdById, role: job.createdByRole },
      at,
      note: `Imported from ${job.fileName ?? 'a CSV file'}, row ${planned.row} (import ${job.id})`,
      events: [{ event: AssetCreated, detail: { origin: 'import', importJobId: job.id } }],
    });
  }

  private async afterFailure(job: AssetImportJobEntity, token: string, error: unknown): Promise<void> {
    try {
      if (error instanceof ClaimLost) {
        this.logger.warn(`Import ${job.id}: taken over by another run; this one rolled back`);
      } else if (error instanceof RunnerStopping) {
        await this.jobs.release(job.id, token);
      } else if (error instanceof ImportRefused) {
        await this.jobs.fail(job.id, token, error.message, [...error.check.fileProblems, ...error.check.problems], new Date());
      } else if (isTransientError(error)) {
        // The database is away: the job stays `running`, falls silent, and is taken up again after the claim timeout.
        this.logger.warn(`Import ${job.id}: interrupted (${(error as Error).message}); it will be retried`);
      } else {
        const message = failureMessage(error);
        this.logger.error(`Import ${job.id} failed: ${(error as Error)?.stack ?? String(error)}`);
        await this.jobs.fail(job.id, token, message, [], new Date());
      }
    } catch (e) {
      this.logger.warn(`Import ${job.id}: recording the outcome failed: ${(e as Error).message}`);
    }
  }
}

function refusalMessage(check: AssetImportCheck): string {
  const count = check.fileProblems.length + check.problemCount;
  return `The file no longer passes its checks (the CMDB changed since the upload): ${count} problem${count === 1 ? '' : 's'}; nothing was imported`;
}

/** What the job's `error` says: a unique index that refused a row (a CI written meanwhile took its tag or serial), or nothing internal. */
function failureMessage(error: unknown): string {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === UNIQUE_VIOLATION && constraint === 'asset_ci_asset_tag') {
    return 'An asset tag of the file was taken by another CI while the import ran; nothing was imported';
  }
  if (code === UNIQUE_VIOLATION && constraint === 'asset_ci_serial') {
    return 'A serial number of the file was recorded for another CI while the import ran; nothing was imported';
  }
  return 'The import failed unexpectedly (the error is in the service log); nothing was imported';
}
