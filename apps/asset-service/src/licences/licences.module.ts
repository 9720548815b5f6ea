import { Module } from '@nestjs/common';
import { LicencesController } from './licences.controller';
import { LicencesRepository } from './licences.repository';
import { LicencesService } from './licences.service';

/** Licences: seats owned vs used, over-allocation, expiry. */
@Module({
  controllers: [LicencesController],
  providers: [LicencesRepository, LicencesService],
})
export class LicencesModule {}
