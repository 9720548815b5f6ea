import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { randomUUID } from 'node:crypto';
import { CsvUpload, yieldingChunks } from '@helpdesk/csv';
import { ImportDryRunDto, ImportJobDto, ImportProblemDto } from './dto/import-job.dto';
import { ImportJobEntity, ImportJobProblem } from './entities/import-job.entity';
import { toImportJobDto } from './import-job.mapper';
import { countDeviations, plannedWrites } from './import-job-progress';
import { ImportJobRunner } from './import-job-runner.service';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportException } from './import.exception';
import { SERVICENOW_SOURCE } from './servicenow/imported-incident.mapper';
import { ServiceNowCsvParser } from './servicenow/servicenow-csv.parser';
import { ImportedIncidentPlan, planServiceNowImportStream } from './servicenow/servicenow-incident-plan';
import { ServiceNowImportRepository } from './servicenow/servicenow-import.repository';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

/** Problems a dry run lists (it counts them all). */
export const DRY_RUN_MAX_PROBLEMS = 10_000;

/** Import jobs: checking an upload, queueing it for the runner, dry runs, and progress. */
@Injectable()
export class ImportJobsService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly servicenow: ServiceNowImportRepository,
    private readonly runner: ImportJobRunner,
  ) {}

  /**
   * Queues the file for the background runner once it parses as CSV with the export's columns (else 400
   * with the problems, nothing written). Bad values in rows do not stop the job: their incidents are left
   * out and listed as problems of the job.
   */
  async enqueueServiceNowIncidents(upload: CsvUpload, principal: Principal): Promise<ImportJobDto> {
    const structure = await checkStructure(upload.content);
    if (structure.count > 0) throw ImportException.badFile(structure.problems, structure.count);
    const now = new Date();
    const job = Object.assign(new ImportJobEntity(), {
      id: randomUUID(),
      kind: 'servicenow-incidents',
      state: 'queued',
      requestedBy: principal.id,
      fileName: upload.fileName,
      sizeBytes: upload.content.length,
      sha256: upload.sha256,
      rowCount: 0,
      incidentsTotal: 0,
      incidentsCreated: 0,
      incidentsUnchanged: 0,
      incidentsSkipped: 0,
      eventsWritten: 0,
      stepsApplied: 0,
      deviations: {},
      problems: [],
      problemCount: 0,
      plannedAt: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
      error: null,
    } satisfies ImportJobEntity);
    await this.jobs.create(job, upload.content);
    this.runner.kick();
    return toImportJobDto(job);
  }

  /** Parses and plans the file and compares it with what is already there; writes nothing. */
  async dryRunServiceNowIncidents(upload: CsvUpload): Promise<ImportDryRunDto> {
    const structure = await checkStructure(upload.content, DRY_RUN_MAX_PROBLEMS);
    const planned = await planServiceNowImportStream(yieldingChunks(upload.content), { maxProblems: DRY_RUN_MAX_PROBLEMS });
    const existing = await this.servicenow.findExisting(
      SERVICENOW_SOURCE,
      planned.plans.map((p) => p.number),
      planned.plans.map((p) => p.externalKey),
    );
    const imported = new Set(existing.filter((e) => e.source === SERVICENOW_SOURCE).map((e) => e.externalKey));
    const taken = new Map(existing.map((e) => [e.number, e.source]));
    const toCreate: ImportedIncidentPlan[] = [];
    const conflicts: ImportJobProblem[] = [];
    let unchanged = 0;
    for (const plan of planned.plans) {
      if (imported.has(plan.externalKey)) unchanged++;
      else if (taken.has(plan.number)) {
        conflicts.push({
          row: plan.rows[0],
          field: 'number',
          reason: `${plan.number} is already the number of another incident (source ${taken.get(plan.number)}); it would not be imported`,
        });
      } else toCreate.push(plan);
    }
    // The planner lists the parser's problems (capped like the structure check) before the rows' own.
    const rowProblems = planned.problems.length - Math.min(structure.count, DRY_RUN_MAX_PROBLEMS);
    const problems: ImportProblemDto[] = [...planned.problems, ...conflicts].slice(0, DRY_RUN_MAX_PROBLEMS);
    const writes = plannedWrites(toCreate);
    return {
      dryRun: true,
      importable: structure.count === 0,
      fileName: upload.fileName,
      sizeBytes: upload.content.length,
      sha256: upload.sha256,
      counts: {
        rows: planned.rowCount,
        incidentsTotal: planned.plans.length + planned.skippedIncidents.length,
        incidentsToCreate: toCreate.length,
        incidentsUnchanged: unchanged,
        incidentsSkipped: planned.skippedIncidents.length + conflicts.length,
        steps: writes.steps,
        events: writes.events,
      },
      deviations: countDeviations(planned.plans),
      problems,
      problemCount: structure.count + rowProblems + conflicts.length,
    };
  }

  async get(id: string): Promise<ImportJobDto> {
    const job = UUID.test(id) ? await this.jobs.findById(id.toLowerCase()) : null;
    if (!job) throw ImportException.notFound(id);
    return toImportJobDto(job);
  }
}

/** The CSV's structural problems (quoting, field counts, header, encoding): any of them refuses the file. */
async function checkStructure(content: Buffer, maxProblems = 100): Promise<{ problems: ImportJobProblem[]; count: number }> {
  const parser = new ServiceNowCsvParser({ maxProblems });
  for await (const chunk of yieldingChunks(content)) parser.write(chunk);
  parser.end();
  return { problems: parser.problems, count: parser.problemCount };
}
