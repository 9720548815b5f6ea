import { LoggerService } from '@nestjs/common';
import pino, { Logger as PinoLogger } from 'pino';
import { traceLogFields } from '../tracing/trace-log-fields';
import { RequestContext } from './request-context';

/**
 * Fields of logged errors that carry data rather than a description of the error. TypeORM's
 * QueryFailedError copies the SQL (`query`), its bound values (`parameters`: e-mail addresses, password
 * hashes) and the driver's error (`driverError`, whose PostgreSQL `detail` is e.g. "Failing row contains
 * (...)" with every column of the row) onto itself; pino's error serializer would copy them all into the log.
 */
export const REDACTED_ERROR_FIELDS = ['parameters', 'query', 'driverError', 'detail'] as const;
const CENSOR = '[redacted]';

/** pino's error serializer (type, message, stack, code, ...) with REDACTED_ERROR_FIELDS censored, nested errors too. */
export function serializeError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) return err;
  return censorErrorFields(pino.stdSerializers.err(err as Error));
}

function censorErrorFields(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 5) return value;
  if (Array.isArray(value)) return value.map((item) => censorErrorFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = (REDACTED_ERROR_FIELDS as readonly string[]).includes(key) ? CENSOR : censorErrorFields(field, depth + 1);
  }
  return out;
}

/** One JSON line per log record, with the service name, the current correlation id and trace ids. */
export function createPinoLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): PinoLogger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ctx = RequestContext.current();
      const request = ctx ? { correlationId: ctx.correlationId, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
      return { ...request, ...traceLogFields() };
    },
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: ['password', '*.password', 'req.headers.authorization', 'refreshToken', '*.refreshToken'],
      censor: CENSOR,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's LoggerService over pino, so framework and app logs share one format. */
export class AppLogger implements LoggerService {
  constructor(readonly pino: PinoLogger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]) {
    // Nest passes (message, context) or (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
    const fields: Record<string, unknown> = { context };
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as object) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
