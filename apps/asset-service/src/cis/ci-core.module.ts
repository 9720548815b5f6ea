import { Module } from '@nestjs/common';
import { CisRepository } from './cis.repository';
import { CiWriter } from './ci-writer.service';

/** What every feature that touches CIs shares: reading them and writing a change the one way. */
@Module({
  providers: [CisRepository, CiWriter],
  exports: [CisRepository, CiWriter],
})
export class CiCoreModule {}
