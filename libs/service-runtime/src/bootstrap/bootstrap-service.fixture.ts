/** A minimal service started by bootstrap-service.spec.ts in a child process (PORT from the environment). */
import { Module } from '@nestjs/common';
import { ObservabilityModule } from '@helpdesk/observability';
import { bootstrapService } from './bootstrap-service';

@Module({ imports: [ObservabilityModule.forRoot({ serviceName: 'bootstrap-fixture' })] })
class BootstrapFixtureModule {}

void bootstrapService({
  serviceName: 'bootstrap-fixture',
  loadModule: () => BootstrapFixtureModule,
  port: Number(process.env.PORT),
  host: '127.0.0.1',
});
