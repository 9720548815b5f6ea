import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';

export enum CategoryErrorCode {
  CategoryNotFound = 'CATEGORY_NOT_FOUND',
  CodeTaken = 'CATEGORY_CODE_TAKEN',
  ParentNotFound = 'CATEGORY_PARENT_NOT_FOUND',
  StaleVersion = 'STALE_VERSION',
}

/** Errors of the category catalogue, each with a stable code. */
export class CategoryException extends DomainException<CategoryErrorCode> {
  static notFound(): CategoryException {
    return new CategoryException(404, CategoryErrorCode.CategoryNotFound, 'No such category');
  }

  static codeTaken(code: string): CategoryException {
    return new CategoryException(409, CategoryErrorCode.CodeTaken, `Category ${code} exists already`, [
      { field: 'code', reason: `code ${code} is already in use` },
    ]);
  }

  static parentNotFound(code: string, parent: string): CategoryException {
    return new CategoryException(400, CategoryErrorCode.ParentNotFound, 'Invalid request: code', [
      { field: 'code', reason: `code ${code} names a subcategory of ${parent}, which does not exist` },
    ]);
  }

  static staleVersion(current: number): CategoryException {
    return new CategoryException(
      409,
      CategoryErrorCode.StaleVersion,
      `Someone changed this since you read it (current version ${current}); reload and try again`,
      [{ field: 'version', reason: `version is stale: the current version is ${current}` }],
    );
  }

  constructor(status: number, code: CategoryErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(status, code, message, details);
  }
}
