import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum RelationshipErrorCode {
  NotFound = 'ASSET_RELATIONSHIP_NOT_FOUND',
  InvalidField = 'ASSET_RELATIONSHIP_INVALID_FIELD',
  Duplicate = 'ASSET_RELATIONSHIP_DUPLICATE',
  Disposed = 'ASSET_RELATIONSHIP_DISPOSED_CI',
}

/** Refusals of relationship changes: a status, a stable code and a message a person can act on. */
export class RelationshipException extends DomainException<RelationshipErrorCode> {
  static notFound(relationshipId: string, ciNumber: string): RelationshipException {
    return new RelationshipException(
      HttpStatus.NOT_FOUND,
      RelationshipErrorCode.NotFound,
      `Relationship ${relationshipId} of ${ciNumber} not found`,
    );
  }

  static badField(field: string, reason: string): RelationshipException {
    return new RelationshipException(HttpStatus.BAD_REQUEST, RelationshipErrorCode.InvalidField, `${field} ${reason}`, [
      { field, reason },
    ]);
  }

  static duplicate(sourceNumber: string, type: string, targetNumber: string): RelationshipException {
    return new RelationshipException(
      HttpStatus.CONFLICT,
      RelationshipErrorCode.Duplicate,
      `${sourceNumber} ${type} ${targetNumber} is already recorded`,
      [{ field: 'targetId', reason: `${sourceNumber} already ${type} ${targetNumber}` }],
    );
  }

  /** Disposed is final: a disposed CI takes no new relationships either way. */
  static disposed(field: 'id' | 'targetId', ciNumber: string): RelationshipException {
    return new RelationshipException(
      HttpStatus.CONFLICT,
      RelationshipErrorCode.Disposed,
      `${ciNumber} is disposed and takes no new relationships`,
      [{ field, reason: `${ciNumber} is disposed` }],
    );
  }
}
