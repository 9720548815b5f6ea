import { DomainException } from '@helpdesk/service-runtime';

export enum AuthSessionErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  LoginThrottled = 'LOGIN_THROTTLED',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
}

/** Sign-in and token errors; messages never tell whether an account exists. */
export class AuthSessionException extends DomainException<AuthSessionErrorCode> {
  /** Seconds until a throttled caller may try again (sent as Retry-After). */
  retryAfterSeconds?: number;

  static invalidCredentials(): AuthSessionException {
    return new AuthSessionException(401, AuthSessionErrorCode.InvalidCredentials, 'The e-mail address or password is wrong');
  }

  static throttled(retryAfterSeconds: number): AuthSessionException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    const e = new AuthSessionException(
      429,
      AuthSessionErrorCode.LoginThrottled,
      `Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    );
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  static refreshTokenInvalid(): AuthSessionException {
    return new AuthSessionException(
      401,
      AuthSessionErrorCode.RefreshTokenInvalid,
      'The refresh token is not valid; sign in again',
    );
  }

  static refreshTokenReused(): AuthSessionException {
    return new AuthSessionException(
      401,
      AuthSessionErrorCode.RefreshTokenReused,
      'This refresh token was already used; every session that came from it has been signed out. Sign in again',
    );
  }
}
