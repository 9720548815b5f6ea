import { DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { loadConfig } from '@helpdesk/config';
import { DirectoryModule } from '../directory/directory.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { CsvUploadReader } from './csv-upload.reader';
import { ImportConfig } from './import.config';
import { ImportJobRunner } from './import-job-runner.service';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportJobsService } from './import-jobs.service';
import { ImportsController } from './imports.controller';
import { ServiceNowIncidentImporter } from './servicenow/servicenow-incident-importer.service';
import { ServiceNowImportRepository } from './servicenow/servicenow-import.repository';

/** Background imports of other systems' history (the ServiceNow incident event log). */
@Module({})
export class ImportsModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(ImportConfig, env);
    return {
      module: ImportsModule,
      imports: [
        IncidentsModule,
        DirectoryModule,
        // Memory storage, one file, at most IMPORT_MAX_BYTES (multer answers 413 beyond); UTF-8 file names.
        MulterModule.register({ limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1 }, defParamCharset: 'utf8' } as never),
      ],
      controllers: [ImportsController],
      providers: [
        { provide: ImportConfig, useValue: config },
        CsvUploadReader,
        ImportJobsRepository,
        ImportJobsService,
        ImportJobRunner,
        ServiceNowImportRepository,
        ServiceNowIncidentImporter,
      ],
    };
  }
}
