import { HttpException, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** What Express's body parsers attach to the errors they raise (malformed JSON, too large, bad charset). */
interface BodyParserError {
  status?: number;
  type?: string;
}

const REASONS: Record<string, string> = {
  'entity.parse.failed': 'is not valid JSON',
  'entity.too.large': 'is too large',
  'encoding.unsupported': 'uses a content encoding this API does not accept',
  'charset.unsupported': 'uses a charset this API does not accept (send UTF-8)',
};

/** A refused request body as our error format: a 4xx naming `body` and why. */
export function bodyParserException(error: unknown): HttpException | null {
  const e = error as BodyParserError | null;
  if (!e || typeof e.type !== 'string' || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return null;
  const reason = REASONS[e.type] ?? 'could not be read';
  return new HttpException({ message: `The request body ${reason}`, details: [{ field: 'body', reason }] }, e.status);
}

/**
 * Registers the JSON and form parsers now (unless configure() did with its own options) and, right
 * after them, a handler that turns their errors into our 4xx. Left to Nest, a parse error reaches the
 * error filter as a bare BadRequestException with the parser's text and no field.
 */
export function installBodyParserErrors(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const adapter = express.getHttpAdapter() as unknown as { isMiddlewareApplied(name: string): boolean };
  if (!adapter.isMiddlewareApplied('jsonParser')) express.useBodyParser('json');
  if (!adapter.isMiddlewareApplied('urlencodedParser')) express.useBodyParser('urlencoded', { extended: true });
  express.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyParserException(error) ?? error));
}
