import { INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomStrategy } from '@nestjs/microservices';
import { ConfigValidationError } from '@helpdesk/config';
import { AppLogger, CorrelationMiddleware, HealthRegistry } from '@helpdesk/observability';
import type { NextFunction, Request, Response } from 'express';
import { installBodyParserErrors } from '../http/body-parser-errors';
import { serveServiceOpenApi } from '../openapi/service-openapi.setup';

export interface BootstrapOptions {
  serviceName: string;
  /** Returns the root module; called inside the try so config errors are reported cleanly. */
  loadModule: () => unknown;
  port: number;
  host?: string;
  /** Public or internal API prefix (e.g. `api/v1`); health and metrics stay outside it. */
  globalPrefix?: string;
  /** Extra set-up (helmet, CORS, OpenAPI) before listening. */
  configure?: (app: INestApplication) => void | Promise<void>;
  /** Kafka consumers (a hybrid app); omitted for services that only publish. */
  microservice?: (app: INestApplication) => CustomStrategy | undefined;
  /** How long readiness stays red before the server closes, so load balancers stop routing first. */
  drainDelayMs?: number;
  /**
   * The service's OpenAPI document (its paths below globalPrefix) at SERVICE_OPENAPI_PATH (`/openapi.json`),
   * for the gateway to merge into the public one. On when there is a globalPrefix, unless false (the
   * gateway serves the public document itself).
   */
  openApi?: false | { title?: string; description?: string };
}

export const OPERATIONS_ROUTES = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

/** Builds the Nest app with our conventions; exported separately so tests can reuse it. */
export async function createServiceApp(options: Omit<BootstrapOptions, 'port' | 'host' | 'drainDelayMs'>) {
  const module = options.loadModule();
  // bufferLogs: start-up logs wait for our logger (flushed once listening, or by bootstrapService on a
  // failure). abortOnError false: a failing module rejects here instead of process.abort() without a word.
  const app = await NestFactory.create(module as never, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(AppLogger));
  const correlation = app.get(CorrelationMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) => correlation.use(req, res, next));
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix, { exclude: OPERATIONS_ROUTES });
  await options.configure?.(app);
  installBodyParserErrors(app);
  if (options.openApi !== false && options.globalPrefix) {
    serveServiceOpenApi(app, {
      title: options.openApi?.title ?? options.serviceName,
      description: options.openApi?.description ?? `The public paths ${options.serviceName} answers behind the gateway.`,
      publicPrefix: options.globalPrefix,
    });
  }
  const strategy = options.microservice?.(app);
  if (strategy) {
    app.connectMicroservice(strategy, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  return app;
}

/** Starts a service; a bad configuration ends the process with a message naming each bad variable. */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const logger = new Logger(options.serviceName);
  try {
    const app = await createServiceApp(options);
    installGracefulShutdown(app, options.drainDelayMs ?? (process.env.NODE_ENV === 'production' ? 5000 : 0));
    await app.listen(options.port, options.host ?? '0.0.0.0');
    logger.log(`${options.serviceName} listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    // Nest flushes buffered logs only once listening: without this, a start-up that fails (port in use,
    // database unreachable) would exit 1 without a single line saying why.
    Logger.flush();
    logger.error(error instanceof Error ? error : String(error));
    process.exit(1);
  }
}

/**
 * On SIGTERM/SIGINT: readiness goes red, wait for the drain delay, then close the app, which runs every
 * module's shutdown hook (the outbox relay finishes its batch, consumers leave their group, pools close).
 */
function installGracefulShutdown(app: INestApplication, drainDelayMs: number) {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: draining for ${drainDelayMs} ms, then closing`);
    app.get(HealthRegistry).markShuttingDown();
    const force = setTimeout(() => {
      logger.error('Shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000 + drainDelayMs);
    force.unref();
    await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
