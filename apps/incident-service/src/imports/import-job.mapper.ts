import { ImportJobDto } from './dto/import-job.dto';
import { ImportJobEntity } from './entities/import-job.entity';
import { progressOf } from './import-job-progress';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toImportJobDto(job: ImportJobEntity): ImportJobDto {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    requestedBy: job.requestedBy,
    fileName: job.fileName,
    sizeBytes: job.sizeBytes,
    sha256: job.sha256,
    progress: progressOf(job),
    counts: {
      rows: job.rowCount,
      incidentsTotal: job.incidentsTotal,
      incidentsCreated: job.incidentsCreated,
      incidentsUnchanged: job.incidentsUnchanged,
      incidentsSkipped: job.incidentsSkipped,
      eventsWritten: job.eventsWritten,
      steps: job.stepsApplied,
    },
    deviations: job.deviations,
    problems: job.problems,
    problemCount: job.problemCount,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    error: job.error,
  };
}
