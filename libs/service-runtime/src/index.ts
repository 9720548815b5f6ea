export { ApiErrorBody, ApiErrorDetail } from './http/api-error';
export { DomainException } from './http/domain.exception';
export { HttpConventionsModule } from './http/http-conventions.module';
export { IsOptionalButNotNull, IsSingleLine, SINGLE_LINE } from './http/field.validators';
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
