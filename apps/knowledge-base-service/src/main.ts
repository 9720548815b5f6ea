import { createKafkaEventServer } from '@helpdesk/messaging';
import { bootstrapService } from '@helpdesk/service-runtime';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from './app.module';
import { configureKnowledgeService } from './configure-knowledge-service';

void bootstrapService({
  serviceName: SERVICE_NAME,
  loadModule: () => AppModule.forRoot(process.env),
  port: Number(process.env.PORT ?? 3003),
  host: process.env.HOST,
  globalPrefix: GLOBAL_PREFIX,
  configure: configureKnowledgeService,
  microservice: (app) => ({ strategy: createKafkaEventServer(app) }),
});
