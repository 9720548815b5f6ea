import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum AttributeErrorCode {
  TypeNotFound = 'ASSET_CI_TYPE_NOT_FOUND',
  InvalidField = 'ASSET_ATTRIBUTE_INVALID_FIELD',
  Duplicate = 'ASSET_ATTRIBUTE_DUPLICATE',
}

/** Custom attribute definitions: unknown type, a key that cannot be used, a key already defined. */
export class AttributeException extends DomainException<AttributeErrorCode> {
  static typeNotFound(type: string): AttributeException {
    return new AttributeException(HttpStatus.NOT_FOUND, AttributeErrorCode.TypeNotFound, `CI type ${type} does not exist`);
  }

  static badField(field: string, reason: string): AttributeException {
    return new AttributeException(HttpStatus.BAD_REQUEST, AttributeErrorCode.InvalidField, `${field} ${reason}`, [
      { field, reason },
    ]);
  }

  static duplicateKey(type: string, key: string): AttributeException {
    const reason = `is already defined for ${type}`;
    return new AttributeException(HttpStatus.CONFLICT, AttributeErrorCode.Duplicate, `key ${key} ${reason}`, [
      { field: 'key', reason },
    ]);
  }
}
