export { ConfigModule } from './config.module';
export { ConfigProblem, ConfigValidationError } from './config-validation.error';
export { loadConfig } from './load-config';
export { ServiceConfig, toBoolean } from './service.config';
