import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { RequestContext } from '@helpdesk/observability';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiErrorBody, ApiErrorDetail } from './api-error';
import { bodyParserException } from './body-parser-errors';

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
    // A raw body-parser error (installBodyParserErrors converts them before they get here in the apps).
    const parserError = bodyParserException(exception);
    if (parserError) return this.toBody(parserError);
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
