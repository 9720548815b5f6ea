import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiErrorDto } from './api-error.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'A bad field: one `details` entry per field',
  401: 'No valid access token (or wrong credentials at sign-in)',
  403: 'Your role may not do this',
  404: 'Not found, or not visible to you',
  409: 'Stale version (If-Match / version), a refused state transition, or a conflicting value',
  413: 'The upload is too large',
  429: 'Too many failed sign-ins; see Retry-After',
  502: 'The upstream service could not be reached',
  504: 'The upstream service did not answer in time',
};

/** Documents the error answers of a route, all in the shared error format. */
export function ApiErrorResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ApiErrorDto })),
  );
}
