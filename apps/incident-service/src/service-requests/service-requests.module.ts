import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DirectoryModule } from '../directory/directory.module';
import { ServiceRequestsController } from './service-requests.controller';
import { ServiceRequestsRepository } from './service-requests.repository';
import { ServiceRequestsService } from './service-requests.service';

/** Service requests: submission, approval, fulfilment tasks, closure, conversation and history. */
@Module({
  imports: [CatalogModule, DirectoryModule],
  controllers: [ServiceRequestsController],
  providers: [ServiceRequestsRepository, ServiceRequestsService],
})
export class ServiceRequestsModule {}
