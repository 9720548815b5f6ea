import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum ArticleErrorCode {
  NotFound = 'KB_ARTICLE_NOT_FOUND',
  StaleVersion = 'KB_ARTICLE_STALE_VERSION',
  IllegalTransition = 'KB_ARTICLE_ILLEGAL_TRANSITION',
  Forbidden = 'KB_ARTICLE_FORBIDDEN',
  InvalidField = 'KB_ARTICLE_INVALID_FIELD',
  UnknownCategory = 'KB_UNKNOWN_CATEGORY',
  UnknownTranslation = 'KB_UNKNOWN_TRANSLATION',
  TranslationExists = 'KB_TRANSLATION_EXISTS',
  NotPublished = 'KB_ARTICLE_NOT_PUBLISHED',
  IncidentNotFound = 'KB_INCIDENT_NOT_FOUND',
  IncidentNotResolved = 'KB_INCIDENT_NOT_RESOLVED',
  VersionNotFound = 'KB_ARTICLE_VERSION_NOT_FOUND',
  SessionTaken = 'KB_HELP_SESSION_TAKEN',
}

/** The articles module's one exception type: a status, a stable code and a message a person can act on. */
export class ArticleException extends DomainException<ArticleErrorCode> {
  static notFound(ref: string): ArticleException {
    return new ArticleException(HttpStatus.NOT_FOUND, ArticleErrorCode.NotFound, `Article ${ref} not found`);
  }

  static staleVersion(expected: number, actual: number): ArticleException {
    return new ArticleException(
      HttpStatus.CONFLICT,
      ArticleErrorCode.StaleVersion,
      `The article was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static illegalTransition(message: string, state: string, allowed: readonly string[]): ArticleException {
    return new ArticleException(HttpStatus.CONFLICT, ArticleErrorCode.IllegalTransition, message, [
      { field: 'state', reason: `is ${state}; allowed actions: ${allowed.join(', ') || 'none'}` },
    ]);
  }

  static forbidden(message: string): ArticleException {
    return new ArticleException(HttpStatus.FORBIDDEN, ArticleErrorCode.Forbidden, message);
  }

  static badField(code: ArticleErrorCode, field: string, reason: string): ArticleException {
    return new ArticleException(HttpStatus.BAD_REQUEST, code, `${field} ${reason}`, [{ field, reason }]);
  }

  static conflict(code: ArticleErrorCode, field: string, reason: string): ArticleException {
    return new ArticleException(HttpStatus.CONFLICT, code, `${field} ${reason}`, [{ field, reason }]);
  }
}
