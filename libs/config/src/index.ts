export { ConfigModule } from './config.module';
export { ConfigProblem, ConfigValidationError } from './config-validation.error';
export { envValue, loadConfig } from './load-config';
export { BOOLEAN_VARIABLE, parseBoolean, toBoolean } from './boolean.transform';
export { ServiceConfig } from './service.config';
