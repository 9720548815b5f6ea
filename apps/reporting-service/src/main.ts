import { createKafkaEventServer } from '@helpdesk/messaging';
import { bootstrapService } from '@helpdesk/service-runtime';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from './app.module';

void bootstrapService({
  serviceName: SERVICE_NAME,
  loadModule: () => AppModule.forRoot(process.env),
  port: Number(process.env.PORT ?? 3005),
  host: process.env.HOST,
  globalPrefix: GLOBAL_PREFIX,
  microservice: (app) => ({ strategy: createKafkaEventServer(app) }),
});
