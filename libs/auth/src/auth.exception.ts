import { DomainException } from '@helpdesk/service-runtime';

export enum AuthErrorCode {
  TokenMissing = 'TOKEN_MISSING',
  TokenInvalid = 'TOKEN_INVALID',
  TokenExpired = 'TOKEN_EXPIRED',
  Forbidden = 'FORBIDDEN',
}

const STATUS: Record<AuthErrorCode, number> = {
  [AuthErrorCode.TokenMissing]: 401,
  [AuthErrorCode.TokenInvalid]: 401,
  [AuthErrorCode.TokenExpired]: 401,
  [AuthErrorCode.Forbidden]: 403,
};

const MESSAGE: Record<AuthErrorCode, string> = {
  [AuthErrorCode.TokenMissing]: 'Sign in first: send an access token as "Authorization: Bearer <token>"',
  [AuthErrorCode.TokenInvalid]: 'The access token is not valid; sign in again',
  [AuthErrorCode.TokenExpired]: 'The access token has expired; refresh it or sign in again',
  [AuthErrorCode.Forbidden]: 'Your role does not allow this',
};

/** 401/403 of authentication and role checks, with a stable code. */
export class AuthException extends DomainException<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string = MESSAGE[code]) {
    super(STATUS[code], code, message);
  }
}
