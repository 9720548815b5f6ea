import { errors, jwtVerify, decodeProtectedHeader } from 'jose';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { claimsToPrincipal, Principal } from './principal';
import { VerificationKey } from './token-keys';
import { VerifiedTokenCache } from './verified-token-cache';

export interface TokenVerifierOptions {
  keys: VerificationKey[];
  issuer: string;
  audience: string;
  /** Allowed clock skew between issuer and verifier, in seconds (default 0). */
  clockToleranceSeconds?: number;
  /** How many verified tokens to remember until they expire (default 10,000; 0 turns the cache off). */
  cacheSize?: number;
}

/** Verifies access tokens with the issuer's public key(s): every service does this itself. */
export class TokenVerifier {
  private readonly cache: VerifiedTokenCache;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.keys.length === 0) throw new Error('TokenVerifier needs at least one public key');
    this.cache = new VerifiedTokenCache(options.cacheSize ?? 10_000);
  }

  /** The verified principal; AuthException (401) when the token is missing, expired or not ours. */
  async verify(token: string | undefined | null): Promise<Principal> {
    if (!token) throw new AuthException(AuthErrorCode.TokenMissing);
    const cached = this.cache.get(token, this.options.clockToleranceSeconds ?? 0);
    if (cached) return cached;
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new AuthException(AuthErrorCode.TokenInvalid);
    }
    // With a kid, only the matching key; without one (older tokens), each key in turn.
    const candidates = kid ? this.options.keys.filter((k) => k.kid === kid) : this.options.keys;
    if (candidates.length === 0) throw new AuthException(AuthErrorCode.TokenInvalid);
    let lastError: unknown;
    for (const candidate of candidates) {
      try {
        const { payload } = await jwtVerify(token, candidate.key, {
          algorithms: ['ES256'],
          issuer: this.options.issuer,
          audience: this.options.audience,
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: this.options.clockToleranceSeconds ?? 0,
        });
        const principal = claimsToPrincipal(payload as Record<string, unknown>);
        if (!principal) throw new AuthException(AuthErrorCode.TokenInvalid);
        this.cache.set(token, principal, payload.exp!);
        return principal;
      } catch (e) {
        if (e instanceof errors.JWTExpired) throw new AuthException(AuthErrorCode.TokenExpired);
        lastError = e;
      }
    }
    throw lastError instanceof AuthException ? lastError : new AuthException(AuthErrorCode.TokenInvalid);
  }
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  if (!value) return undefined;
  const match = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i.exec(value);
  return match?.[1];
}
