import { bootstrapService } from '@helpdesk/service-runtime';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from './app.module';
import { configureGateway } from './configure-gateway';

void bootstrapService({
  serviceName: SERVICE_NAME,
  loadModule: () => AppModule.forRoot(process.env),
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST,
  globalPrefix: GLOBAL_PREFIX,
  configure: configureGateway,
  openApi: false, // the gateway serves the merged public document at /api/docs-json instead
});
