import { IsInt, Max, Min } from 'class-validator';

/** The import endpoints' environment (read by ImportsModule.forRoot). */
export class ImportConfig {
  /** Largest upload accepted by POST /imports/*, in bytes (default 100 MiB; the whole sample log is 2 MB). */
  @IsInt()
  @Min(1)
  @Max(1_073_741_824)
  IMPORT_MAX_BYTES: number = 104_857_600;
}
