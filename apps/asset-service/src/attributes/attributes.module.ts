import { Module } from '@nestjs/common';
import { AttributesController } from './attributes.controller';
import { AttributesRepository } from './attributes.repository';
import { AttributesService } from './attributes.service';

/** Custom attribute definitions per CI type; others validate CIs with AttributesService.definitionsFor. */
@Module({
  controllers: [AttributesController],
  providers: [AttributesRepository, AttributesService],
  exports: [AttributesRepository, AttributesService],
})
export class AttributesModule {}
