import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigProblem, ConfigValidationError } from './config-validation.error';

/**
 * A variable's value, or undefined when it is unset or empty: an empty variable means "use the default"
 * everywhere (loadConfig, and scripts that read a variable directly).
 */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Builds a typed config object from the environment and validates it, failing fast with one line per
 * bad variable. Config classes name their properties after the environment variables they read.
 */
export function loadConfig<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const plain: Record<string, unknown> = {};
  const defaults = new configClass() as Record<string, unknown>;
  for (const key of Object.keys(defaults)) plain[key] = defaults[key];
  for (const key of Object.keys(env)) {
    const value = envValue(env, key);
    if (value !== undefined) plain[key] = value;
  }
  const config = plainToInstance(configClass, plain, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(configClass.name, errors.flatMap(toProblems));
  }
  return config;
}

function toProblems(error: ValidationError): ConfigProblem[] {
  const reasons = Object.values(error.constraints ?? {});
  const own = reasons.length > 0 ? [{ variable: error.property, reason: reasons.join('; ') }] : [];
  return [...own, ...(error.children ?? []).flatMap(toProblems)];
}
