import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum CategoryErrorCode {
  NotFound = 'KB_CATEGORY_NOT_FOUND',
  CodeTaken = 'KB_CATEGORY_CODE_TAKEN',
  UnknownParent = 'KB_CATEGORY_UNKNOWN_PARENT',
}

export class CategoryException extends DomainException<CategoryErrorCode> {
  static codeTaken(code: string): CategoryException {
    return new CategoryException(HttpStatus.CONFLICT, CategoryErrorCode.CodeTaken, `Category code ${code} is taken`, [
      { field: 'code', reason: `${code} is taken` },
    ]);
  }

  static unknownParent(parent: string): CategoryException {
    return new CategoryException(HttpStatus.BAD_REQUEST, CategoryErrorCode.UnknownParent, `parent ${parent} is not a category`, [
      { field: 'parent', reason: `${parent} is not a category (id or code)` },
    ]);
  }
}
