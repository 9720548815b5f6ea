import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum DigestErrorCode {
  NotFound = 'DIGEST_NOT_FOUND',
  WeekNotOver = 'DIGEST_WEEK_NOT_OVER',
}

/** The digests' one exception type: a status, a stable code and a message a person can act on. */
export class DigestException extends DomainException<DigestErrorCode> {
  static notFound(id: string): DigestException {
    return new DigestException(HttpStatus.NOT_FOUND, DigestErrorCode.NotFound, `Weekly digest ${id} not found`);
  }

  /** A digest is published once: one of a week still running would freeze figures that are not final. */
  static weekNotOver(weekStart: string, endsAt: Date): DigestException {
    return new DigestException(
      HttpStatus.BAD_REQUEST,
      DigestErrorCode.WeekNotOver,
      `The week of ${weekStart} has not ended yet (it ends at ${endsAt.toISOString()}); digests are made of finished weeks`,
      [{ field: 'weekStart', reason: 'must be the Monday of a week that has ended' }],
    );
  }
}
