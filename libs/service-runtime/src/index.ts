export { ApiErrorBody, ApiErrorDetail } from './http/api-error';
export { DomainException } from './http/domain.exception';
export { HttpConventionsModule } from './http/http-conventions.module';
export {
  IsMultiLineText,
  IsNotBlank,
  IsOptionalButNotNull,
  IsShortStringList,
  IsSingleLine,
  MULTI_LINE,
  SINGLE_LINE,
} from './http/field.validators';
export { HttpErrorFilter } from './http/http-error.filter';
export { createValidationPipe, flattenValidationErrors, RequestValidationException } from './http/validation-errors';
export { bootstrapService, BootstrapOptions, createServiceApp, OPERATIONS_ROUTES } from './bootstrap/bootstrap-service';
export {
  DEFAULT_PAGE_SIZE,
  CursorFieldKind,
  decodeCursor,
  DecodedCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  Page,
  PageOf,
  PageQueryDto,
  toPage,
} from './http/cursor-pagination';
export { etagOf, expectedVersion, parseIfMatchVersion } from './http/optimistic-locking';
export { ApiErrorResponses } from './openapi/api-error-responses.decorator';
export { ApiErrorDetailDto, ApiErrorDto } from './openapi/api-error.dto';
export {
  BEARER_AUTH_SCHEME,
  buildOpenApiDocument,
  OpenApiDocumentOptions,
  SERVICE_OPENAPI_PATH,
  serveServiceOpenApi,
} from './openapi/service-openapi.setup';
