import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { RequestContext } from '@helpdesk/observability';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiErrorBody, ApiErrorDetail } from './api-error';

/** Express body-parser errors carry a status and a type; they are the caller's fault, not ours. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  message: string;
}

/** Every error leaves as { statusCode, error, message, details[] }; unknown errors never leak internals. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    const correlationId = RequestContext.correlationId();
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: ApiErrorDetail[] = [];
      let code: string | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; details?: ApiErrorDetail[]; code?: string };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        if (Array.isArray(r.details)) details = r.details;
        code = r.code;
      } else if (typeof response === 'string') {
        message = response;
      }
      return { statusCode, error: reason(statusCode), message, details, ...(code ? { code } : {}), correlationId };
    }
    const parserError = exception as BodyParserError;
    const status = parserError?.status ?? parserError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && typeof parserError.type === 'string') {
      const message =
        parserError.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : parserError.type === 'entity.too.large'
            ? 'The request body is too large'
            : parserError.message;
      return { statusCode: status, error: reason(status), message, details: [{ field: 'body', reason: message }], correlationId };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: reason(500),
      message: 'An unexpected error occurred; it has been logged with this correlation id',
      details: [],
      correlationId,
    };
  }
}

function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
