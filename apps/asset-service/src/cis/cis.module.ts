import { Module } from '@nestjs/common';
import { AttributesModule } from '../attributes/attributes.module';
import { AssetDirectoryModule } from '../directory/asset-directory.module';
import { CiCoreModule } from './ci-core.module';
import { CisController } from './cis.controller';
import { CisService } from './cis.service';
import { CiCsvExporter } from './export/ci-csv-exporter.service';
import { PeopleAssetsController } from './people-assets.controller';

/** CIs: CRUD, per-type validation, lifecycle, assignment, history, people's views. */
@Module({
  imports: [CiCoreModule, AttributesModule, AssetDirectoryModule],
  controllers: [PeopleAssetsController, CisController],
  providers: [CisService, CiCsvExporter],
  exports: [CisService],
})
export class CisModule {}
