import { AssetImportJobEntity } from './asset-import-job.entity';
import { AssetImportJobDto } from './dto/asset-import.dto';

export function toAssetImportJobDto(job: AssetImportJobEntity): AssetImportJobDto {
  return {
    id: job.id,
    state: job.state,
    fileName: job.fileName,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdCount: job.createdCount,
    problems: job.problems,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
