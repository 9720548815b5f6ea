import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttributesModule } from '../attributes/attributes.module';
import { CiCoreModule } from '../cis/ci-core.module';
import { AssetConfig } from '../config/asset.config';
import { AssetImportJobsRepository } from './asset-import-jobs.repository';
import { AssetImportLookupsRepository } from './asset-import-lookups.repository';
import { AssetImportRunner } from './asset-import-runner.service';
import { AssetImportValidator } from './asset-import-validator.service';
import { AssetImportsController } from './asset-imports.controller';
import { AssetImportsService } from './asset-imports.service';

/** CSV import of CIs: dry run, and an all-or-nothing background job with progress. */
@Module({
  imports: [
    CiCoreModule,
    AttributesModule,
    // Memory storage, one file, at most IMPORT_MAX_BYTES (multer answers 413 beyond); UTF-8 file names.
    MulterModule.registerAsync({
      inject: [AssetConfig],
      useFactory: (config: AssetConfig) =>
        ({ limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1 }, defParamCharset: 'utf8' }) as never,
    }),
  ],
  controllers: [AssetImportsController],
  providers: [
    AssetImportsService,
    AssetImportValidator,
    AssetImportLookupsRepository,
    AssetImportJobsRepository,
    AssetImportRunner,
  ],
})
export class AssetImportsModule {}
