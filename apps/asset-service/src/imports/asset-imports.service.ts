import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { CsvUpload } from '@helpdesk/csv';
import { randomUUID } from 'node:crypto';
import { eventActorOf } from '../cis/ci-actor';
import { AssetImportJobEntity } from './asset-import-job.entity';
import { toAssetImportJobDto } from './asset-import-job.mapper';
import { AssetImportJobsRepository } from './asset-import-jobs.repository';
import { AssetImportRunner } from './asset-import-runner.service';
import { AssetImportValidator } from './asset-import-validator.service';
import { AssetImportException } from './asset-import.exception';
import { AssetImportDryRunDto, AssetImportJobDto } from './dto/asset-import.dto';

/** CSV imports of CIs: the dry run, queueing a file that passes for the runner, and the job's progress. */
@Injectable()
export class AssetImportsService {
  constructor(
    private readonly validator: AssetImportValidator,
    private readonly jobs: AssetImportJobsRepository,
    private readonly runner: AssetImportRunner,
  ) {}

  /** Every problem of every row and the counts; writes nothing. A file that is no import at all is a 400. */
  async dryRun(upload: CsvUpload): Promise<AssetImportDryRunDto> {
    const check = await this.validator.check(upload.content);
    if (check.fileProblems.length > 0) throw AssetImportException.badFile(check.fileProblems);
    return {
      dryRun: true,
      importable: check.problemCount === 0,
      fileName: upload.fileName,
      counts: { rows: check.rowCount, valid: check.rowCount - check.invalidRows, invalid: check.invalidRows },
      problems: check.problems,
      problemCount: check.problemCount,
    };
  }

  /** Checks the whole file first: any problem is a 400 listing them all and nothing is written; else the job is queued. */
  async enqueue(upload: CsvUpload, principal: Principal): Promise<AssetImportJobDto> {
    const check = await this.validator.check(upload.content);
    if (check.fileProblems.length > 0) throw AssetImportException.badFile(check.fileProblems);
    if (check.problemCount > 0) throw AssetImportException.badRows(check.problems, check.problemCount, check.invalidRows);
    const actor = eventActorOf(principal);
    const job = Object.assign(new AssetImportJobEntity(), {
      id: randomUUID(),
      state: 'queued',
      fileName: upload.fileName,
      // Checked as UTF-8 by the parser; the job keeps the text until it ends.
      csv: upload.content.toString('utf8'),
      totalRows: check.rowCount,
      processedRows: 0,
      createdCount: 0,
      problems: [],
      error: null,
      createdById: actor.id,
      createdByRole: actor.role,
      claimToken: null,
      heartbeatAt: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    } satisfies AssetImportJobEntity);
    await this.jobs.create(job);
    this.runner.kick();
    return toAssetImportJobDto(job);
  }

  async get(id: string): Promise<AssetImportJobDto> {
    const job = UUID_PATTERN.test(id) ? await this.jobs.findById(id.toLowerCase()) : null;
    if (!job) throw AssetImportException.notFound(id);
    return toAssetImportJobDto(job);
  }
}
